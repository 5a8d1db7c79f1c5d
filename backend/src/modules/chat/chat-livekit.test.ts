import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { AccessToken } from 'livekit-server-sdk';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { roomService } from '../../lib/livekit.ts';
import { signedInAgent } from '../../test/fixtures.ts';
import {
  appointModerator,
  createHost,
  guestHeaders,
  guestInRoom,
  guestToken,
  joinAndListen,
  type JoinToken,
} from './chat.test-support.ts';

// Real participants in the real LiveKit server, receiving what the backend publishes.
const app = createApp();

// Signing up is slow (password hashing): one signed-in viewer and one moderator, appointed in each test's room.
type Member = Awaited<ReturnType<typeof signedInAgent>>;
let viewer: Member;
let moderator: Member;
beforeAll(async () => {
  [viewer, moderator] = await Promise.all([signedInAgent(app, 'viewer'), signedInAgent(app, 'mod')]);
});

/** A room of its own for each test, moderated by the shared moderator. */
async function newRoom() {
  const host = await createHost();
  await appointModerator(host.id, moderator.user.id);
  return host.id;
}

async function viewerToken(agent: Awaited<ReturnType<typeof signedInAgent>>['agent'], hostId: string): Promise<JoinToken> {
  return (await agent.post('/api/viewer/token').send({ hostId })).body as JoinToken;
}

async function participantIdentities(hostId: string): Promise<string[]> {
  return (await roomService.listParticipants(hostId)).map((participant) => participant.identity);
}

describe('chat over LiveKit data channels', () => {
  it('a viewer or guest token cannot publish data: nothing they publish reaches anyone, the backend’s messages do', async () => {
    const hostId = await newRoom();
    const listener = await joinAndListen(await guestToken(app, hostId));
    const viewerRoom = await joinAndListen(await viewerToken(viewer.agent, hostId));
    const guestRoom = await joinAndListen(await guestToken(app, hostId));

    const forged = new TextEncoder().encode(
      JSON.stringify({ type: 'message', message: { body: 'forged, bypassing the rules' } }),
    );
    for (const room of [viewerRoom.room, guestRoom.room]) {
      // The SDK may refuse outright; if it sends, the server must drop the packet.
      await room.localParticipant!.publishData(forged, { reliable: true, topic: 'chat' }).catch(() => undefined);
    }
    // Then a real message through the backend: once it is here, the forged packets (sent earlier) would be too.
    const sent = await viewer.agent.post(`/api/chat/${hostId}/messages`).send({ body: 'through the rules' });
    expect(sent.status).toBe(201);
    await listener.waitFor('chat', (event) => (event.message as { id?: string } | undefined)?.id === sent.body.message.id);

    expect(listener.received.filter((packet) => packet.from !== undefined)).toEqual([]);
    expect(listener.received.map((packet) => (packet.event.message as { body: string }).body)).toEqual(['through the rules']);
  });

  it('delivers a sent message to every participant with its sender, colour and time', async () => {
    const hostId = await newRoom();
    const listeners = await Promise.all([1, 2].map(async () => joinAndListen(await guestToken(app, hostId))));
    const guest = await guestInRoom(app, hostId);
    const sent = await request(app)
      .post(`/api/chat/${hostId}/messages`)
      .set(guestHeaders(guest))
      .send({ body: 'hello room', guestName: 'Pip' });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({
      senderIdentity: guest.identity,
      senderName: 'Pip',
      isGuest: true,
      body: 'hello room',
    });
    for (const listener of listeners) {
      expect(await listener.waitFor('chat', (event) => event.type === 'message')).toEqual({
        type: 'message',
        message: sent.body.message,
      });
    }
  });

  it('removes a deleted message for the other participants (they receive a delete event)', async () => {
    const hostId = await newRoom();
    const listener = await joinAndListen(await guestToken(app, hostId));
    const sent = (await viewer.agent.post(`/api/chat/${hostId}/messages`).send({ body: 'regrettable' })).body.message;
    await listener.waitFor('chat', (event) => event.type === 'message');

    await moderator.agent.delete(`/api/chat/${hostId}/messages/${sent.id}`).expect(200);
    expect(await listener.waitFor('chat', (event) => event.type === 'delete')).toEqual({ type: 'delete', messageId: sent.id });
  });

  it('tells every open panel when the creator changes the rules', async () => {
    const host = await signedInAgent(app, 'host');
    const listener = await joinAndListen(await guestToken(app, host.user.id));
    await host.agent
      .put('/api/stream/chat-settings')
      .send({ isChatEnabled: true, isChatFollowersOnly: true, slowModeSeconds: 10 })
      .expect(200);
    expect(await listener.waitFor('chat-settings', () => true)).toEqual({
      type: 'settings',
      settings: { isChatEnabled: true, isChatFollowersOnly: true, slowModeSeconds: 10, guestsMayChat: true },
    });
  });

  it('tells only the timed-out participant about their timeout', async () => {
    const hostId = await newRoom();
    const targetToken = await guestToken(app, hostId);
    const target = await joinAndListen(targetToken);
    const bystander = await joinAndListen(await guestToken(app, hostId));
    const timeout = await moderator.agent
      .post(`/api/chat/${hostId}/timeouts`)
      .send({ identity: targetToken.identity, minutes: 10 });
    expect(await target.waitFor('chat', (event) => event.type === 'timeout')).toEqual({
      type: 'timeout',
      expiresAt: timeout.body.expiresAt,
    });

    // A later broadcast reaches the bystander after the timeout event would have.
    await moderator.agent.post(`/api/chat/${hostId}/messages`).send({ body: 'carry on' }).expect(201);
    await bystander.waitFor('chat', (event) => event.type === 'message');
    expect(bystander.received.map((packet) => packet.event.type)).toEqual(['message']);
  });

  it('tells a newly appointed moderator, so their tools appear', async () => {
    const host = await signedInAgent(app, 'host');
    const candidate = await joinAndListen(await viewerToken(viewer.agent, host.user.id));
    await host.agent.post(`/api/chat/${host.user.id}/moderators`).send({ userId: viewer.user.id }).expect(201);
    expect(await candidate.waitFor('chat', (event) => event.type === 'role')).toEqual({ type: 'role', canModerate: true });
  });

  it('pins and clears for everyone', async () => {
    const hostId = await newRoom();
    const listener = await joinAndListen(await guestToken(app, hostId));
    const sent = (await moderator.agent.post(`/api/chat/${hostId}/messages`).send({ body: 'read the rules' })).body.message;
    await moderator.agent.put(`/api/chat/${hostId}/pin`).send({ messageId: sent.id }).expect(200);
    expect(await listener.waitFor('chat', (event) => event.type === 'pin')).toEqual({ type: 'pin', message: sent });
    await moderator.agent.post(`/api/chat/${hostId}/clear`).send({}).expect(200);
    await listener.waitFor('chat', (event) => event.type === 'clear');
  });

  it('sends reactions on the lossy reaction topic', async () => {
    const hostId = await newRoom();
    const listener = await joinAndListen(await guestToken(app, hostId));
    await viewer.agent.post(`/api/chat/${hostId}/reactions`).send({ reaction: 'fire' }).expect(202);
    expect(await listener.waitFor('reaction', () => true)).toMatchObject({
      type: 'reaction',
      reaction: 'fire',
      id: expect.any(String),
    });
  });

  it('banning a guest removes them from the room', async () => {
    const hostId = await newRoom();
    const guest = await guestToken(app, hostId);
    await joinAndListen(guest);
    await expect.poll(() => participantIdentities(hostId)).toContain(guest.identity);
    await moderator.agent.post(`/api/chat/${hostId}/bans`).send({ identity: guest.identity }).expect(201);
    await expect.poll(() => participantIdentities(hostId)).not.toContain(guest.identity);
  });

  it('accepts a guest’s expired room token only while that guest is still connected', async () => {
    const hostId = await newRoom();
    const guest = await guestToken(app, hostId);
    const expired = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
      identity: guest.identity,
      name: guest.name,
      ttl: -120,
      metadata: JSON.stringify({ role: 'guest' }),
    });
    expired.addGrant({ roomJoin: true, room: hostId, canSubscribe: true, canPublish: false, canPublishData: false });
    const expiredToken = await expired.toJwt();
    const send = () =>
      request(app)
        .post(`/api/chat/${hostId}/messages`)
        .set('Authorization', `Bearer ${expiredToken}`)
        .send({ body: 'still here' });

    const notConnected = await send();
    expect(notConnected.status).toBe(401);
    expect(notConnected.body.message).toBe('Your chat pass expired. Reload the page to chat.');

    const connected = await joinAndListen(guest);
    await expect.poll(() => participantIdentities(hostId)).toContain(guest.identity);
    // A pass found absent is remembered for up to 2 s (so replaying it cannot flood LiveKit with lookups).
    await expect.poll(async () => (await send()).status, { timeout: 5000, interval: 500 }).toBe(201);
    await connected.room.disconnect();
  });
});
