import { afterAll, afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource, dispose } from '@livekit/rtc-node';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { roomService } from '../../lib/livekit.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';
import { reconcileLiveState } from './reconcile.service.ts';

const app = createApp();
const rooms: Room[] = [];
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function join(token: { wsUrl: string; token: string }): Promise<Room> {
  const room = new Room();
  rooms.push(room);
  await room.connect(token.wsUrl, token.token, { autoSubscribe: false, dynacast: false });
  return room;
}

/** A creator really publishing in LiveKit (a microphone track from Node), with the token the API gives. */
async function publishingCreator() {
  const { agent, user } = await signedInAgent(app, 'onair');
  const room = await join((await agent.post('/api/stream/publisher-token').send({})).body);
  const track = LocalAudioTrack.createAudioTrack('microphone', new AudioSource(48_000, 1));
  await room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
  await expect.poll(async () => (await roomService.getParticipant(user.id, user.id)).tracks.length).toBe(1);
  return user;
}

async function guestIn(hostId: string) {
  const token = (await request(app).post('/api/viewer/token').send({ hostId })).body;
  await join(token);
  return token.identity as string;
}

const streamOf = (userId: string) =>
  prisma.stream.findUniqueOrThrow({ where: { userId }, include: { sessions: { include: { presences: true } } } });

afterEach(async () => {
  await Promise.all(rooms.splice(0).map((room) => room.disconnect()));
});
afterAll(async () => {
  await dispose();
});

describe('reconcileLiveState', () => {
  it('corrects a stream marked live that has no publisher (a missed webhook), closing its session', async () => {
    const host = await createTestUser('stuck');
    await prisma.stream.create({
      data: {
        userId: host.id,
        isLive: true,
        startedAt: minutesAgo(30),
        viewerCount: 3,
        lastEventAt: minutesAgo(30),
        sessions: {
          create: {
            startedAt: minutesAgo(30),
            presences: { create: { identity: 'guest-1-deadbeef', joinedAt: minutesAgo(20) } },
          },
        },
      },
    });

    const report = await reconcileLiveState({ only: [host.id] });

    expect(report.wentOffline).toEqual([host.id]);
    const stream = await streamOf(host.id);
    expect(stream).toMatchObject({ isLive: false, viewerCount: 0, startedAt: null });
    expect(stream.sessions[0]!.endedAt).not.toBeNull();
    expect(stream.sessions[0]!.presences[0]!.leftAt).not.toBeNull();
  });

  it('turns live a creator who publishes in LiveKit while marked offline, counting the viewers in the room', async () => {
    const host = await publishingCreator();
    const guest = await guestIn(host.id);
    await expect.poll(async () => (await roomService.listParticipants(host.id)).length).toBe(2);

    const report = await reconcileLiveState({ only: [host.id] });

    expect(report.wentLive).toEqual([host.id]);
    const stream = await streamOf(host.id);
    expect(stream).toMatchObject({ isLive: true, viewerCount: 1 });
    expect(stream.sessions).toHaveLength(1);
    expect(stream.sessions[0]!.presences.map((presence) => presence.identity)).toEqual([guest]);
  });

  it('brings the viewer count of a live stream back to who is really in the room', async () => {
    const host = await publishingCreator();
    const guest = await guestIn(host.id);
    await prisma.stream.create({
      data: {
        userId: host.id,
        isLive: true,
        startedAt: minutesAgo(5),
        viewerCount: 7,
        sessions: {
          create: { startedAt: minutesAgo(5), presences: { create: { identity: 'guest-1-gone0000', joinedAt: minutesAgo(4) } } },
        },
      },
    });
    await expect.poll(async () => (await roomService.listParticipants(host.id)).length).toBe(2);

    const report = await reconcileLiveState({ only: [host.id] });

    expect(report).toEqual({ wentLive: [], wentOffline: [] });
    const stream = await streamOf(host.id);
    expect(stream).toMatchObject({ isLive: true, viewerCount: 1 });
    const presences = stream.sessions[0]!.presences;
    expect(presences.find((presence) => presence.identity === 'guest-1-gone0000')!.leftAt).not.toBeNull();
    expect(presences.find((presence) => presence.identity === guest)!.leftAt).toBeNull();
  });

  it('leaves alone a stream a webhook changed after the snapshot was taken', async () => {
    const host = await createTestUser('fresh');
    await prisma.stream.create({
      data: { userId: host.id, isLive: true, startedAt: new Date(), lastEventAt: new Date(Date.now() + 60_000) },
    });
    const report = await reconcileLiveState({ only: [host.id] });
    expect(report.wentOffline).toEqual([]);
    expect((await streamOf(host.id)).isLive).toBe(true);
  });
});
