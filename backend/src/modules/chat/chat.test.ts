import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent } from '../../test/fixtures.ts';
import { resetRateLimit } from '../rate-limit/rate-limit.service.ts';
import {
  appointModerator,
  bearer,
  cleanUpChatOf,
  createHost,
  guestHeaders,
  guestInRoom,
  guestToken,
  setRules,
} from './chat.test-support.ts';
import { roomChanged } from './chat-settings.service.ts';
import { relationChanged } from '../social/social.service.ts';

const app = createApp();

// Signing up is slow (password hashing), so the signed-in cast is shared; every test has its own room.
let viewer: Awaited<ReturnType<typeof signedInAgent>>;
let moderator: Awaited<ReturnType<typeof signedInAgent>>;
beforeAll(async () => {
  viewer = await signedInAgent(app, 'viewer');
  moderator = await signedInAgent(app, 'mod');
});
beforeEach(async () => {
  // The per-sender rate limit spans rooms: start each test with a clean count for the shared senders.
  await Promise.all([viewer, moderator].map((member) => resetRateLimit(`chat:message:${member.user.id}`)));
});

const send = (agent: typeof viewer.agent, hostId: string, body: unknown) =>
  agent.post(`/api/chat/${hostId}/messages`).send(body as object);
const sendAsGuest = (token: { token: string; ip?: string }, hostId: string, body: unknown) =>
  request(app)
    .post(`/api/chat/${hostId}/messages`)
    .set(guestHeaders({ token: token.token, ip: token.ip ?? '10.0.0.1' }))
    .send(body as object);

describe('POST /api/chat/:hostId/messages — who may send', () => {
  it('stores and returns a signed-in viewer’s message with their name, colour and identity', async () => {
    const host = await createHost();
    const response = await send(viewer.agent, host.id, { body: '  hello there  ' });
    expect(response.status).toBe(201);
    expect(response.body.message).toMatchObject({
      senderIdentity: viewer.user.id,
      senderName: viewer.user.displayUsername,
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      isGuest: false,
      role: null,
      body: 'hello there',
    });
    const stored = await prisma.chatMessage.findUniqueOrThrow({ where: { id: response.body.message.id } });
    expect(stored).toMatchObject({ hostId: host.id, senderUserId: viewer.user.id, body: 'hello there', deletedAt: null });
  });

  it('lets a guest chat with their room token, under the name they chose', async () => {
    const host = await createHost();
    const guest = await guestInRoom(app, host.id);
    const response = await sendAsGuest(guest, host.id, { body: 'hi from a guest', guestName: 'Night Owl' });
    expect(response.status).toBe(201);
    expect(response.body.message).toMatchObject({ senderIdentity: guest.identity, senderName: 'Night Owl', isGuest: true });
  });

  it('gives the same person the same colour every time', async () => {
    const host = await createHost();
    const first = await send(viewer.agent, host.id, { body: 'one' });
    const second = await send(viewer.agent, host.id, { body: 'two' });
    expect(second.body.message.color).toBe(first.body.message.color);
  });

  it('marks the creator’s and moderators’ messages with their badge', async () => {
    const { agent, user } = await signedInAgent(app, 'host');
    cleanUpChatOf(user.id);
    await appointModerator(user.id, moderator.user.id);
    expect((await send(agent, user.id, { body: 'welcome!' })).body.message.role).toBe('creator');
    expect((await send(moderator.agent, user.id, { body: 'rules are pinned' })).body.message.role).toBe('moderator');
  });

  it('refuses someone who proves no identity with 401', async () => {
    const host = await createHost();
    const response = await request(app).post(`/api/chat/${host.id}/messages`).send({ body: 'hi' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
  });

  it('refuses a forged or malformed token with 401', async () => {
    const host = await createHost();
    const guest = await guestToken(app, host.id);
    const [header, payload] = guest.token.split('.');
    for (const token of ['not-a-jwt', `${header}.${payload}.forged-signature`]) {
      const response = await sendAsGuest({ token }, host.id, { body: 'hi' });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a guest token for another creator’s room with 403', async () => {
    const host = await createHost();
    const other = await createHost('other');
    const response = await sendAsGuest(await guestToken(app, other.id), host.id, { body: 'hi' });
    expect(response.status).toBe(403);
    expect(response.body.reason).toBe('WRONG_ROOM');
  });

  it('refuses a signed-in viewer’s room token without their session (for accounts the session is the proof)', async () => {
    const host = await createHost();
    const token = (await viewer.agent.post('/api/viewer/token').send({ hostId: host.id })).body;
    const response = await sendAsGuest(token, host.id, { body: 'hi' });
    expect(response.status).toBe(401);
  });

  it('refuses a session paired with someone else’s room token with 403', async () => {
    const host = await createHost();
    const guest = await guestToken(app, host.id);
    const response = await viewer.agent
      .post(`/api/chat/${host.id}/messages`)
      .set('Authorization', bearer(guest))
      .send({ body: 'hi' });
    expect(response.status).toBe(403);
    expect(response.body.reason).toBe('IDENTITY_MISMATCH');
  });

  it('answers 404 for a creator that does not exist', async () => {
    const response = await send(viewer.agent, 'no-such-host', { body: 'hi' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });
});

describe('POST /api/chat/:hostId/messages — what may be sent', () => {
  it.each([
    ['an empty message', { body: '' }],
    ['only spaces', { body: '    ' }],
    ['501 characters', { body: 'x'.repeat(501) }],
    ['a control character', { body: 'ring \u0007 ring' }],
    ['a line break', { body: 'two\nlines' }],
    ['a right-to-left override', { body: 'evil \u202e txt.exe' }],
    ['a body that is not text', { body: 42 }],
    ['no body', {}],
    ['an unknown field', { body: 'hi', color: '#fff' }],
    ['a guest name with markup', { body: 'hi', guestName: '<b>x</b>' }],
  ])('refuses %s with 400 JSON and stores nothing', async (_label, payload) => {
    const host = await createHost();
    const response = await send(viewer.agent, host.id, payload);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
    expect(await prisma.chatMessage.count({ where: { hostId: host.id } })).toBe(0);
  });

  it('accepts 500 characters, counting an emoji as one', async () => {
    const host = await createHost();
    expect((await send(viewer.agent, host.id, { body: '🔥'.repeat(500) })).status).toBe(201);
  });
});

describe('chat rules', () => {
  it('refuses everyone, moderators included, while chat is turned off', async () => {
    const host = await createHost();
    await appointModerator(host.id, moderator.user.id);
    await setRules(host.id, { isChatEnabled: false });
    for (const agent of [viewer.agent, moderator.agent]) {
      const response = await send(agent, host.id, { body: 'anyone?' });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'CHAT_DISABLED',
        message: 'Chat is turned off for this stream.',
      });
    }
  });

  it('followers-only: refuses a guest and a non-follower, telling them to follow; accepts a follower and a moderator', async () => {
    const host = await createHost();
    await appointModerator(host.id, moderator.user.id);
    await setRules(host.id, { isChatFollowersOnly: true });
    const refusedGuest = await sendAsGuest(await guestInRoom(app, host.id), host.id, { body: 'hi' });
    expect(refusedGuest.status).toBe(403);
    expect(refusedGuest.body).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'FOLLOWERS_ONLY',
      message: `This chat is for followers only. Sign in and follow ${host.displayUsername} to chat.`,
    });

    const refusedViewer = await send(viewer.agent, host.id, { body: 'hi' });
    expect(refusedViewer.status).toBe(403);
    expect(refusedViewer.body.message).toBe(`This chat is for followers only. Follow ${host.displayUsername} to chat.`);

    await viewer.agent.post(`/api/users/${host.username}/follow`).send({}).expect(200);
    expect((await send(viewer.agent, host.id, { body: 'now I follow' })).status).toBe(201);
    expect((await send(moderator.agent, host.id, { body: 'mod here' })).status).toBe(201);
  });

  it('slow mode: refuses the second message inside the window with retryAfterMs; moderators are exempt', async () => {
    const host = await createHost();
    await appointModerator(host.id, moderator.user.id);
    await setRules(host.id, { slowModeSeconds: 30 });
    expect((await send(viewer.agent, host.id, { body: 'first' })).status).toBe(201);
    const second = await send(viewer.agent, host.id, { body: 'second' });
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'SLOW_MODE',
      message: expect.stringContaining('Slow mode is on'),
    });
    expect(second.body.retryAfterMs).toBeGreaterThan(20_000);
    expect(second.body.retryAfterMs).toBeLessThanOrEqual(30_000);
    expect(second.headers['retry-after']).toBeDefined();

    expect((await send(moderator.agent, host.id, { body: 'one' })).status).toBe(201);
    expect((await send(moderator.agent, host.id, { body: 'two' })).status).toBe(201);
  });

  it('slow mode exempts the creator', async () => {
    const { agent, user } = await signedInAgent(app, 'host');
    cleanUpChatOf(user.id);
    await setRules(user.id, { slowModeSeconds: 30 });
    expect((await send(agent, user.id, { body: 'one' })).status).toBe(201);
    expect((await send(agent, user.id, { body: 'two' })).status).toBe(201);
  });

  it('slow mode holds against simultaneous requests (one accepted, the rest refused)', async () => {
    const host = await createHost();
    await setRules(host.id, { slowModeSeconds: 30 });
    const responses = await Promise.all(
      Array.from({ length: 4 }, (_, index) => send(viewer.agent, host.id, { body: `race ${index}` })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 429, 429, 429]);
  });

  it('slow mode accepts the next message once the window has passed', async () => {
    const host = await createHost();
    await setRules(host.id, { slowModeSeconds: 30 });
    const first = await send(viewer.agent, host.id, { body: 'first' });
    expect((await send(viewer.agent, host.id, { body: 'too soon' })).status).toBe(429);
    // Let the 30 seconds pass: the first message now dates from 29 s ago.
    await prisma.chatMessage.update({ where: { id: first.body.message.id }, data: { createdAt: new Date(Date.now() - 29_000) } });
    await expect
      .poll(async () => (await send(viewer.agent, host.id, { body: 'later' })).status, { interval: 300, timeout: 5000 })
      .toBe(201);
  });

  it('rate limit: at most 5 messages per second per sender', async () => {
    const host = await createHost();
    const guest = await guestInRoom(app, host.id);
    const responses = await Promise.all(
      Array.from({ length: 7 }, (_, index) => sendAsGuest(guest, host.id, { body: `burst ${index}` })),
    );
    const refused = responses.filter((response) => response.status === 429);
    expect(responses.filter((response) => response.status === 201)).toHaveLength(5);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.body).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_FAST', retryAfterMs: expect.any(Number) });
  });

  it('refuses a user the creator blocked', async () => {
    const host = await createHost();
    await prisma.block.create({ data: { blockerId: host.id, blockedId: viewer.user.id } });
    await relationChanged(host.id, viewer.user.id);
    const response = await send(viewer.agent, host.id, { body: 'let me in' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ reason: 'BLOCKED', message: "You can't chat in this channel." });
  });

  it('refuses a timed-out user until the timeout ends', async () => {
    const host = await createHost();
    await appointModerator(host.id, moderator.user.id);
    const timeout = await moderator.agent.post(`/api/chat/${host.id}/timeouts`).send({ identity: viewer.user.id, minutes: 1 });
    expect(timeout.status).toBe(201);

    const refused = await send(viewer.agent, host.id, { body: 'hey' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ reason: 'TIMED_OUT', message: 'You are timed out. You can chat again in a minute.' });
    expect(refused.body.retryAfterMs).toBeGreaterThan(45_000);

    // Let the minute pass: move its end close; the same request is refused until then and accepted after.
    const endsAt = new Date(Date.now() + 1500);
    await prisma.chatSanction.updateMany({ where: { hostId: host.id, identity: viewer.user.id }, data: { expiresAt: endsAt } });
    await roomChanged(host.id);
    expect((await send(viewer.agent, host.id, { body: 'still?' })).status).toBe(403);
    await expect
      .poll(async () => (await send(viewer.agent, host.id, { body: 'back' })).status, { interval: 300, timeout: 5000 })
      .toBe(201);
    expect(Date.now()).toBeGreaterThanOrEqual(endsAt.getTime());
  });

  it('refuses a banned guest (by identity) while another guest still chats', async () => {
    const host = await createHost();
    await appointModerator(host.id, moderator.user.id);
    const banned = await guestInRoom(app, host.id);
    // Moderators ban from a message in the chat.
    expect((await sendAsGuest(banned, host.id, { body: 'spam' })).status).toBe(201);
    await moderator.agent.post(`/api/chat/${host.id}/bans`).send({ identity: banned.identity }).expect(201);
    const refused = await sendAsGuest(banned, host.id, { body: 'hi' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ reason: 'BANNED', message: 'You are banned from this chat.' });
    expect((await sendAsGuest(await guestInRoom(app, host.id), host.id, { body: 'hi' })).status).toBe(201);
  });
});

describe('GET /api/chat/:hostId/messages (history)', () => {
  it('returns the latest messages oldest first, pages backwards, and leaves deleted ones out', async () => {
    const host = await createHost();
    const guest = await guestInRoom(app, host.id);
    const sent: string[] = [];
    for (const body of ['one', 'two', 'three', 'four', 'five'])
      sent.push((await sendAsGuest(guest, host.id, { body })).body.message.id);
    await prisma.chatMessage.update({ where: { id: sent[3] }, data: { deletedAt: new Date() } });

    const latest = await request(app).get(`/api/chat/${host.id}/messages?limit=2`);
    expect(latest.status).toBe(200);
    expect(latest.body.messages.map((message: { body: string }) => message.body)).toEqual(['three', 'five']);
    expect(latest.body.hasMore).toBe(true);

    const older = await request(app).get(`/api/chat/${host.id}/messages?limit=2&before=${latest.body.messages[0].id}`);
    expect(older.body.messages.map((message: { body: string }) => message.body)).toEqual(['one', 'two']);
    expect(older.body.hasMore).toBe(false);
  });

  it('shows badges from the current roles', async () => {
    const host = await createHost();
    await send(moderator.agent, host.id, { body: 'before I was appointed' }).expect(201);
    await appointModerator(host.id, moderator.user.id);
    const history = await request(app).get(`/api/chat/${host.id}/messages`);
    expect(history.body.messages[0]).toMatchObject({ body: 'before I was appointed', role: 'moderator' });
  });

  it.each([
    ['a limit of 0', 'limit=0'],
    ['a limit that is not a number', 'limit=lots'],
    ['an unknown parameter', 'after=x'],
  ])('refuses %s with 400', async (_label, query) => {
    const host = await createHost();
    const response = await request(app).get(`/api/chat/${host.id}/messages?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for an unknown creator or cursor', async () => {
    const host = await createHost();
    expect((await request(app).get('/api/chat/no-such-host/messages')).status).toBe(404);
    expect((await request(app).get(`/api/chat/${host.id}/messages?before=no-such-message`)).status).toBe(404);
  });
});

describe('GET /api/chat/:hostId/state', () => {
  it('tells a panel the rules, and where this viewer stands (slow-mode time left, follower, moderator)', async () => {
    const host = await createHost();
    await setRules(host.id, { slowModeSeconds: 20, isChatFollowersOnly: true });
    await appointModerator(host.id, moderator.user.id);
    await viewer.agent.post(`/api/users/${host.username}/follow`).send({}).expect(200);
    await send(viewer.agent, host.id, { body: 'hi' }).expect(201);

    const state = await viewer.agent.get(`/api/chat/${host.id}/state`);
    expect(state.status).toBe(200);
    expect(state.body.settings).toEqual({
      isChatEnabled: true,
      isChatFollowersOnly: true,
      slowModeSeconds: 20,
      guestsMayChat: true,
    });
    expect(state.body.viewer).toMatchObject({
      identity: viewer.user.id,
      isGuest: false,
      isOwner: false,
      canModerate: false,
      isFollowing: true,
      restriction: null,
    });
    expect(state.body.viewer.slowModeRetryAfterMs).toBeGreaterThan(10_000);

    const asModerator = await moderator.agent.get(`/api/chat/${host.id}/state`);
    expect(asModerator.body.viewer).toMatchObject({ isOwner: false, canModerate: true, slowModeRetryAfterMs: 0 });
  });

  it('reports a timeout to the timed-out guest', async () => {
    const host = await createHost();
    await appointModerator(host.id, moderator.user.id);
    const guest = await guestToken(app, host.id);
    await moderator.agent.post(`/api/chat/${host.id}/timeouts`).send({ identity: guest.identity, minutes: 5 }).expect(201);
    const state = await request(app).get(`/api/chat/${host.id}/state`).set(guestHeaders(guest));
    expect(state.body.viewer).toMatchObject({
      identity: guest.identity,
      isGuest: true,
      restriction: { reason: 'TIMED_OUT', expiresAt: expect.any(String) },
    });
  });

  it('answers an anonymous caller with the rules and no viewer; 404 for an unknown creator', async () => {
    const host = await createHost();
    const state = await request(app).get(`/api/chat/${host.id}/state`);
    expect(state.status).toBe(200);
    expect(state.body).toEqual({
      settings: { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 0, guestsMayChat: true },
      pinned: null,
      viewer: null,
    });
    expect((await request(app).get('/api/chat/no-such-host/state')).status).toBe(404);
  });
});

describe('/api/stream/chat-settings', () => {
  it('lets the signed-in creator read and change their own rules (creating the stream row on first save)', async () => {
    const { agent } = await signedInAgent(app, 'host');
    expect((await agent.get('/api/stream/chat-settings')).body).toEqual({
      isChatEnabled: true,
      isChatFollowersOnly: false,
      slowModeSeconds: 0,
      guestsMayChat: true,
    });
    const saved = await agent
      .put('/api/stream/chat-settings')
      .send({ isChatEnabled: true, isChatFollowersOnly: true, slowModeSeconds: 10 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ isChatEnabled: true, isChatFollowersOnly: true, slowModeSeconds: 10, guestsMayChat: true });
    expect((await agent.get('/api/stream/chat-settings')).body).toEqual(saved.body);

    for (const body of [
      { isChatEnabled: true, isChatFollowersOnly: false },
      { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: -1 },
      { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 601 },
      { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 1.5 },
      { isChatEnabled: 'yes', isChatFollowersOnly: false, slowModeSeconds: 0 },
      { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 0, hostId: 'someone-else' },
    ]) {
      const refused = await agent.put('/api/stream/chat-settings').send(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await agent.get('/api/stream/chat-settings')).body).toEqual(saved.body);
  });

  it('answers 401 to an anonymous caller', async () => {
    expect((await request(app).get('/api/stream/chat-settings')).status).toBe(401);
    const response = await request(app)
      .put('/api/stream/chat-settings')
      .send({ isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 0 });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });
});
