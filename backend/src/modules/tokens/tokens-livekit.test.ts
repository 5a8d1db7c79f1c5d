import { afterAll, afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource, dispose } from '@livekit/rtc-node';
import { createApp } from '../../app.ts';
import { roomService } from '../../lib/livekit.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';

// Real participants joining the real LiveKit server with the tokens the API hands out.
const app = createApp();
const rooms: Room[] = [];

async function join(token: { wsUrl: string; token: string }): Promise<Room> {
  const room = new Room();
  rooms.push(room);
  await room.connect(token.wsUrl, token.token, { autoSubscribe: false, dynacast: false });
  return room;
}

async function tryPublishMicrophone(room: Room) {
  const track = LocalAudioTrack.createAudioTrack('microphone', new AudioSource(48_000, 1));
  return room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
}

async function publishedTrackCount(roomName: string, identity: string): Promise<number> {
  const participant = await roomService.getParticipant(roomName, identity);
  return participant.tracks.length;
}

afterEach(async () => {
  await Promise.all(rooms.splice(0).map((room) => room.disconnect()));
});
afterAll(async () => {
  await dispose();
});

describe('LiveKit enforces the token grants', () => {
  it('lets the creator publisher publish (the control case)', async () => {
    const { agent, user } = await signedInAgent(app, 'pubok');
    const token = (await agent.post('/api/stream/publisher-token').send({})).body;
    const room = await join(token);
    expect(room.name).toBe(user.id);
    await tryPublishMicrophone(room);
    await expect.poll(() => publishedTrackCount(user.id, user.id)).toBe(1);
  });

  it('refuses a track from a guest', async () => {
    const host = await createTestUser('host');
    const token = (await request(app).post('/api/viewer/token').send({ hostId: host.id })).body;
    const room = await join(token);
    await expect(tryPublishMicrophone(room)).rejects.toThrow();
    expect(await publishedTrackCount(host.id, token.identity)).toBe(0);
  });

  it('refuses a track from a signed-in viewer', async () => {
    const host = await createTestUser('host');
    const { agent, user } = await signedInAgent(app, 'viewer');
    const token = (await agent.post('/api/viewer/token').send({ hostId: host.id })).body;
    expect(token.identity).toBe(user.id);
    const room = await join(token);
    expect(room.name).toBe(host.id);
    await expect(tryPublishMicrophone(room)).rejects.toThrow();
    expect(await publishedTrackCount(host.id, user.id)).toBe(0);
  });

  it('gives a creator watching their own room the Host- self-view identity, which cannot publish', async () => {
    const { agent, user } = await signedInAgent(app, 'selfview');
    const token = (await agent.post('/api/viewer/token').send({ hostId: user.id })).body;
    expect(token.identity).toBe(`Host-${user.id}`);
    const room = await join(token);
    await expect(tryPublishMicrophone(room)).rejects.toThrow();
    expect(await publishedTrackCount(user.id, `Host-${user.id}`)).toBe(0);
  });
});
