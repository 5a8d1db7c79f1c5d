/**
 * The attacks of issue 9 ("a hostile crowd"), one test per row of its table: each was tried against the site
 * as a script would (new identities per request, raw paths, other origins) and succeeded before the fix.
 * Sign-in through raw paths (row 1) and the owner lock-out live in modules/auth/auth.test.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../app.ts';
import { env } from '../config/env.ts';
import { prisma } from '../lib/prisma.ts';
import { roomService } from '../lib/livekit.ts';
import { clientNetworkOf } from '../lib/client-network.ts';
import { createTestUser, signedInAgent, testClientIp } from '../test/fixtures.ts';
import { rawRequest } from '../test/raw-request.ts';
import {
  appointModerator,
  createHost,
  guestHeaders,
  guestInRoom,
  guestToken,
  setRules,
} from '../modules/chat/chat.test-support.ts';
import { GUEST_PASSES_PER_MINUTE } from '../modules/tokens/tokens.service.ts';
import { closeLiveEvents } from '../modules/live/live-events.service.ts';

const app = createApp();

const sendAsGuest = (guest: Parameters<typeof guestHeaders>[0], hostId: string, body: Record<string, unknown>) =>
  request(app).post(`/api/chat/${hostId}/messages`).set(guestHeaders(guest)).send(body);

describe('row 2: a guest cannot reset the rules by minting a new pass', () => {
  it('slow mode holds for a new identity from the same network', async () => {
    const host = await createHost();
    await setRules(host.id, { slowModeSeconds: 600 });
    const household = testClientIp();
    expect((await sendAsGuest(await guestInRoom(app, host.id, { ip: household }), host.id, { body: 'first' })).status).toBe(201);
    const fresh = await guestInRoom(app, host.id, { ip: household });
    const refused = await sendAsGuest(fresh, host.id, { body: 'second, as a new guest' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', reason: 'SLOW_MODE', retryAfterMs: expect.any(Number) });
    expect(await prisma.chatMessage.count({ where: { hostId: host.id } })).toBe(1);
  });

  it('a pass minted by a script that never joined the room cannot chat', async () => {
    const host = await createHost();
    const pass = await guestToken(app, host.id);
    const refused = await sendAsGuest(pass, host.id, { body: 'drive-by' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_IN_ROOM',
      message: expect.stringMatching(/join the stream/i),
    });
    expect(await prisma.chatMessage.count({ where: { hostId: host.id } })).toBe(0);
  });

  it('replaying a drive-by pass, even in parallel, costs LiveKit one lookup, not one per request', async () => {
    const host = await createHost();
    const pass = await guestToken(app, host.id);
    const lookups = vi.spyOn(roomService, 'getParticipant');
    try {
      const refused = await Promise.all(Array.from({ length: 20 }, () => sendAsGuest(pass, host.id, { body: 'flood' })));
      for (let attempt = 0; attempt < 10; attempt++) refused.push(await sendAsGuest(pass, host.id, { body: 'again' }));
      expect(refused.map((response) => response.status)).toEqual(Array(30).fill(403));
      expect(lookups.mock.calls.filter(([room, identity]) => room === host.id && identity === pass.identity)).toHaveLength(1);
    } finally {
      lookups.mockRestore();
    }
  });

  it('a ban and a timeout follow the guest to a new identity from the same network', async () => {
    const host = await createHost();
    const { agent: moderator, user } = await signedInAgent(app, 'mod');
    await appointModerator(host.id, user.id);
    const bannedHome = testClientIp();
    const timedOutHome = testClientIp();
    const spammer = await guestInRoom(app, host.id, { ip: bannedHome });
    const heckler = await guestInRoom(app, host.id, { ip: timedOutHome });
    expect((await sendAsGuest(spammer, host.id, { body: 'spam' })).status).toBe(201);
    expect((await sendAsGuest(heckler, host.id, { body: 'heckle' })).status).toBe(201);
    await moderator.post(`/api/chat/${host.id}/bans`).send({ identity: spammer.identity }).expect(201);
    await moderator.post(`/api/chat/${host.id}/timeouts`).send({ identity: heckler.identity, minutes: 10 }).expect(201);

    // The banned household gets no new pass at all; the timed-out one gets a pass but cannot chat yet.
    const newPass = await request(app).post('/api/viewer/token').set('X-Forwarded-For', bannedHome).send({ hostId: host.id });
    expect(newPass.status).toBe(403);
    expect(newPass.body).toMatchObject({ code: 'FORBIDDEN', reason: 'BANNED' });
    const timedOut = await sendAsGuest(await guestInRoom(app, host.id, { ip: timedOutHome }), host.id, { body: 'me too' });
    expect(timedOut.status).toBe(403);
    expect(timedOut.body.reason).toBe('TIMED_OUT');
    // Another household still chats.
    expect((await sendAsGuest(await guestInRoom(app, host.id), host.id, { body: 'hello' })).status).toBe(201);
  });

  it('the 5-per-second limit counts every identity from one network together', async () => {
    const host = await createHost();
    const household = testClientIp();
    const first = await guestInRoom(app, host.id, { ip: household });
    // Five messages from one identity use up the second (the window is stretched so a slow machine cannot split it).
    await prisma.rateLimitCounter.upsert({
      where: { key: `chat:message:net:${clientNetworkOf(household)}` },
      create: { key: `chat:message:net:${clientNetworkOf(household)}`, count: 5, windowEndsAt: new Date(Date.now() + 60_000) },
      update: { count: 5, windowEndsAt: new Date(Date.now() + 60_000) },
    });
    const fresh = await guestInRoom(app, host.id, { ip: household });
    for (const guest of [first, fresh]) {
      const refused = await sendAsGuest(guest, host.id, { body: 'one more' });
      expect(refused.status).toBe(429);
      expect(refused.body.reason).toBe('TOO_FAST');
    }
    // Another household is not affected.
    expect((await sendAsGuest(await guestInRoom(app, host.id), host.id, { body: 'hello' })).status).toBe(201);
  });

  it(`guest passes per network are limited to ${GUEST_PASSES_PER_MINUTE} a minute`, async () => {
    const host = await createHost();
    const household = testClientIp();
    const mint = () => request(app).post('/api/viewer/token').set('X-Forwarded-For', household).send({ hostId: host.id });
    const answers = [];
    for (let pass = 0; pass <= GUEST_PASSES_PER_MINUTE; pass++) answers.push((await mint()).status);
    expect(answers.slice(0, GUEST_PASSES_PER_MINUTE).every((status) => status === 200)).toBe(true);
    const refused = await mint();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', reason: 'GUEST_PASSES', retryAfterMs: expect.any(Number) });
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('a creator can keep guests out of chat (they still watch)', async () => {
    const host = await createHost();
    await setRules(host.id, { guestsMayChat: false });
    const guest = await guestInRoom(app, host.id);
    const refused = await sendAsGuest(guest, host.id, { body: 'hi' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ reason: 'GUESTS_CANNOT_CHAT', message: expect.stringMatching(/sign in to chat/i) });
    const { agent } = await signedInAgent(app, 'member');
    expect((await agent.post(`/api/chat/${host.id}/messages`).send({ body: 'hi' })).status).toBe(201);
  });
});

describe('row 3: a guest cannot pose as someone with an account', () => {
  it.each([
    ['the creator’s username', (host: { displayUsername: string }) => host.displayUsername],
    ['the creator’s username in another case', (host: { displayUsername: string }) => host.displayUsername.toUpperCase()],
    [
      'a look-alike of it (0 for o, 1 for l, Cyrillic а)',
      (host: { displayUsername: string }) => host.displayUsername.replace(/o/gi, '0').replace(/a/gi, 'а'),
    ],
  ])('refuses %s as a guest name, when joining and when chatting', async (_label, lookAlike) => {
    const host = await createHost('Alice_host');
    const name = lookAlike(host).slice(0, 24);
    const atJoin = await request(app)
      .post('/api/viewer/token')
      .set('X-Forwarded-For', testClientIp())
      .send({ hostId: host.id, guestName: name });
    expect(atJoin.status).toBe(400);
    expect(atJoin.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'GUEST_NAME_TAKEN',
      message: expect.stringMatching(/taken by someone with an account/),
    });

    const guest = await guestInRoom(app, host.id);
    const atSend = await sendAsGuest(guest, host.id, { body: 'I am the creator', guestName: name });
    expect(atSend.status).toBe(400);
    expect(atSend.body.reason).toBe('GUEST_NAME_TAKEN');
    expect(await prisma.chatMessage.count({ where: { hostId: host.id } })).toBe(0);
  });

  it('refuses any existing username and a moderator’s display name; accepts a name nobody has', async () => {
    const host = await createHost();
    const bystander = await createTestUser('bystander');
    const moderator = await createTestUser('mod');
    await prisma.user.update({ where: { id: moderator.id }, data: { name: 'Captain Rules' } });
    await appointModerator(host.id, moderator.id);
    const guest = await guestInRoom(app, host.id);
    expect((await sendAsGuest(guest, host.id, { body: 'hi', guestName: bystander.displayUsername })).status).toBe(400);
    expect((await sendAsGuest(guest, host.id, { body: 'hi', guestName: 'Captain  Ru1es' })).status).toBe(400);
    expect((await sendAsGuest(guest, host.id, { body: 'hi', guestName: 'Night Owl' })).status).toBe(201);
  });
});

describe('row 4: moderator rights end with a block', () => {
  it('a moderator the creator blocked can no longer clear the chat, and loses the role', async () => {
    const host = await signedInAgent(app, 'host');
    const moderator = await signedInAgent(app, 'mod');
    await appointModerator(host.user.id, moderator.user.id);
    await host.agent.post(`/api/chat/${host.user.id}/messages`).send({ body: 'keep me' }).expect(201);
    await host.agent.post(`/api/users/${moderator.user.username}/block`).send({}).expect(200);

    const cleared = await moderator.agent.post(`/api/chat/${host.user.id}/clear`).send({});
    expect(cleared.status).toBe(403);
    expect(await prisma.chatMessage.count({ where: { hostId: host.user.id, deletedAt: null } })).toBe(1);
    expect(await prisma.chatModerator.count({ where: { hostId: host.user.id, userId: moderator.user.id } })).toBe(0);
    const again = await host.agent.post(`/api/chat/${host.user.id}/moderators`).send({ userId: moderator.user.id });
    expect(again.status).toBe(409);
  });
});

describe('row 5: NUL and other control characters are refused with 400, never 500', () => {
  it.each([
    ['GET', '/api/viewer/search?q=%00', 'CONTROL_CHARACTER'],
    ['GET', '/api/viewer/search?q=a%01b', 'CONTROL_CHARACTER'],
    ['GET', '/api/viewer/stream/a%00b', 'CONTROL_CHARACTER'],
    ['GET', '/api/users/a%00b', 'CONTROL_CHARACTER'],
    ['GET', '/api/chat/a%00b/messages', 'CONTROL_CHARACTER'],
    ['GET', '/api/chat/a%00b/state', 'CONTROL_CHARACTER'],
    ['GET', '/api/live/events?hostId=%00', 'CONTROL_CHARACTER'],
    ['GET', '/api/uploads/%00', 'CONTROL_CHARACTER'],
    ['GET', '/api/viewer/search?q=%E0%A4%A', 'MALFORMED_ESCAPE'],
  ])('%s %s', async (method, path, reason) => {
    // The reason proves the global rule answered, not some route's own validation after it.
    const response = await rawRequest(app, { method, path });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'BAD_REQUEST', reason, message: expect.any(String) });
  });

  it('in a JSON body, wherever it is', async () => {
    const { agent } = await signedInAgent(app, 'nul');
    for (const [path, body] of [
      ['/api/stream/info', { title: 'a\u0000b' }],
      ['/api/stream/info', { description: 'line\u0000' }],
      ['/api/viewer/token', { username: 'a\u0000' }],
      ['/api/stream/chat-settings', { 'isChat\u0000Enabled': true }],
    ] as const) {
      const response = await agent[path === '/api/viewer/token' ? 'post' : 'put'](path).send(body);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.reason, `${path} ${JSON.stringify(body)}`).toBe('NUL_IN_BODY');
    }
    const info = await agent.get('/api/stream/info');
    expect(info.body.title).toBe('');
  });
});

describe('row 6: search treats % _ and \\ as plain characters', () => {
  it.each([
    ['%', (word: string) => `${word.slice(0, 4)}%${word.slice(-2)}`],
    ['_', (word: string) => `${word.slice(0, -2)}_${word.slice(-1)}`],
    ['\\', (word: string) => `${word.slice(0, -2)}\\${word.slice(-2)}`],
  ])('%s matches only itself, not any characters', async (_character, pattern) => {
    const word = `zq${Math.random().toString(36).slice(2, 10)}xy`;
    const host = await createTestUser('wildcard');
    await prisma.stream.create({ data: { userId: host.id, title: word } });
    // As a LIKE pattern each query would match the title; as text, nothing contains it.
    expect((await request(app).get('/api/viewer/search').query({ q: word })).body.items).toHaveLength(1);
    const response = await request(app)
      .get('/api/viewer/search')
      .query({ q: pattern(word) });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  it('still finds a title that contains the character literally', async () => {
    const host = await createTestUser('percent');
    const word = `${Math.random().toString(36).slice(2, 8)}%_\\done`;
    await prisma.stream.create({ data: { userId: host.id, title: `speedrun ${word}` } });
    const response = await request(app).get('/api/viewer/search').query({ q: word });
    expect(response.body.items.map((card: { hostId: string }) => card.hostId)).toEqual([host.id]);
  });
});

describe('row 7: a message must show something', () => {
  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a zero-width joiner and a BOM', '\u200d\ufeff'],
    ['Hangul fillers', '\u3164\u3164'],
    ['braille blanks', '\u2800\u2800'],
    ['combining marks alone', '\u0301\u0302'],
  ])('refuses %s', async (_label, body) => {
    const host = await createHost();
    const { agent } = await signedInAgent(app, 'invisible');
    const response = await agent.post(`/api/chat/${host.id}/messages`).send({ body });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/visible/) });
  });

  it('refuses an invisible display name and stream title too', async () => {
    const { agent, user } = await signedInAgent(app, 'blank');
    expect((await agent.patch(`/api/users/${user.username}`).send({ name: '\u200b' })).status).toBe(400);
    expect((await agent.put('/api/stream/info').send({ title: '\u3164' })).status).toBe(400);
  });
});

describe('row 8: live-event streams are capped and slow readers dropped', () => {
  let server: http.Server;
  let port: number;
  const sockets: http.ClientRequest[] = [];
  beforeAll(async () => {
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await closeLiveEvents();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Opens an event stream from `ip`; resolves with the response once headers arrive. */
  function open(ip: string, query = ''): Promise<http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      const call = http.get(
        { host: '127.0.0.1', port, path: `/api/live/events${query}`, headers: { 'X-Forwarded-For': ip } },
        resolve,
      );
      call.on('error', reject);
      sockets.push(call);
    });
  }

  it(`holds at most ${env.LIVE_EVENTS_MAX_PER_NETWORK} streams per network and answers the rest 503 with Retry-After`, async () => {
    const household = testClientIp();
    const opened = await Promise.all(Array.from({ length: env.LIVE_EVENTS_MAX_PER_NETWORK + 5 }, () => open(household)));
    const statuses = opened.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(env.LIVE_EVENTS_MAX_PER_NETWORK);
    const refused = opened.filter((response) => response.statusCode === 503);
    expect(refused).toHaveLength(5);
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(5);
    // Another network is unaffected, and a closed stream frees its place.
    expect((await open(testClientIp())).statusCode).toBe(200);
    opened.find((response) => response.statusCode === 200)!.destroy();
    await expect.poll(async () => (await open(household)).statusCode).toBe(200);
  });

  it('drops a reader that stops reading instead of buffering for it without end', async () => {
    const hostId = `slow-reader-${Date.now()}`;
    const stream = await open(testClientIp(), `?hostId=${hostId}`);
    expect(stream.statusCode).toBe(200);
    stream.pause();
    const publisher = new pg.Client({ connectionString: env.DATABASE_URL });
    await publisher.connect();
    const ended = new Promise<void>((resolve) => stream.once('close', resolve));
    // 25 MB (PostgreSQL folds identical notifications, and the server holds back count-only changes, so each
    // title differs): far more than loopback socket buffers (a few MB) and the server's per-reader bound together.
    const [batches, perBatch, titleLength] = [32, 200, 4000];
    for (let batch = 0; batch < batches; batch++) {
      await publisher.query(
        `SELECT pg_notify('live_events', json_build_object('type', 'stream.updated', 'hostId', $1::text, 'username', 'slow',
           'isLive', true, 'viewerCount', n, 'startedAt', null, 'title', n || repeat('x', $2::int))::text)
         FROM generate_series(1, $3::int) AS n`,
        [hostId, titleLength, perBatch],
      );
    }
    await publisher.end();
    let received = 0;
    stream.on('data', (chunk: Buffer) => (received += chunk.length));
    stream.resume();
    await ended;
    expect(received).toBeLessThan(batches * perBatch * titleLength);
  });
});

describe('row 9: cookie requests from other origins are refused', () => {
  it('a form on another localhost port cannot make the signed-in victim follow someone', async () => {
    const victim = await signedInAgent(app, 'victim');
    const target = await createTestUser('target');
    const forged = await victim.agent
      .post(`/api/users/${target.username}/follow`)
      .set('Origin', 'http://localhost:5174')
      .set('Content-Type', 'text/plain')
      .send('{}');
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ code: 'FORBIDDEN', reason: 'CROSS_ORIGIN' });
    expect(await prisma.follow.count({ where: { followerId: victim.user.id } })).toBe(0);
  });

  it('a browser request marked same-site (another subdomain or port) is refused by Sec-Fetch-Site', async () => {
    const victim = await signedInAgent(app, 'victim');
    const target = await createTestUser('target');
    const forged = await victim.agent.post(`/api/users/${target.username}/follow`).set('Sec-Fetch-Site', 'same-site').send({});
    expect(forged.status).toBe(403);
  });

  it('the site itself may, but only with a JSON body', async () => {
    const member = await signedInAgent(app, 'member');
    const target = await createTestUser('target');
    const path = `/api/users/${target.username}/follow`;
    const asText = await member.agent.post(path).set('Origin', env.PUBLIC_URL).set('Content-Type', 'text/plain').send('{}');
    expect(asText.status).toBe(415);
    expect(asText.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await member.agent.post(path).set('Origin', env.PUBLIC_URL).send({})).status).toBe(200);
  });
});
