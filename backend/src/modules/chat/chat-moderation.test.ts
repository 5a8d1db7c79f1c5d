import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';
import { appointModerator, cleanUpChatOf, createHost, guestHeaders, guestInRoom } from './chat.test-support.ts';

const app = createApp();

// One creator's room with a cast (signing up is slow); each test sends its own messages.
type Member = Awaited<ReturnType<typeof signedInAgent>>;
let host: Member;
let moderator: Member;
let viewer: Member;
let hostId: string;
beforeAll(async () => {
  [host, moderator, viewer] = await Promise.all([
    signedInAgent(app, 'host'),
    signedInAgent(app, 'mod'),
    signedInAgent(app, 'viewer'),
  ]);
  hostId = host.user.id;
  cleanUpChatOf(hostId);
  await appointModerator(hostId, moderator.user.id);
});

async function guestMessage(body = 'spam spam') {
  const guest = await guestInRoom(app, hostId);
  const response = await request(app).post(`/api/chat/${hostId}/messages`).set(guestHeaders(guest)).send({ body });
  expect(response.status).toBe(201);
  return { guest, message: response.body.message as { id: string; body: string } };
}

describe('moderation routes: who may use them', () => {
  it('answers 401 to anonymous callers and guests, and 403 to a viewer who is not a moderator', async () => {
    const { guest, message } = await guestMessage();
    const routes = [
      { method: 'delete', path: `/api/chat/${hostId}/messages/${message.id}`, body: undefined },
      { method: 'post', path: `/api/chat/${hostId}/clear`, body: {} },
      { method: 'put', path: `/api/chat/${hostId}/pin`, body: { messageId: message.id } },
      { method: 'delete', path: `/api/chat/${hostId}/pin`, body: undefined },
      { method: 'post', path: `/api/chat/${hostId}/timeouts`, body: { identity: guest.identity, minutes: 5 } },
      { method: 'post', path: `/api/chat/${hostId}/bans`, body: { identity: guest.identity } },
    ] as const;
    for (const route of routes) {
      const anonymous = await request(app)[route.method](route.path).send(route.body);
      expect(anonymous.status, `${route.method} ${route.path}`).toBe(401);
      const asGuest = await request(app)[route.method](route.path).set(guestHeaders(guest)).send(route.body);
      expect(asGuest.status).toBe(401);
      const asViewer = await viewer.agent[route.method](route.path).send(route.body);
      expect(asViewer.status).toBe(403);
      expect(asViewer.body).toMatchObject({ code: 'FORBIDDEN', message: 'Only the creator and their moderators can do that.' });
    }
    expect((await prisma.chatMessage.findUniqueOrThrow({ where: { id: message.id } })).deletedAt).toBeNull();
    expect(await prisma.chatSanction.count({ where: { hostId, identity: guest.identity } })).toBe(0);
  });

  it('lets a moderator delete a message; history no longer has it', async () => {
    const { message } = await guestMessage();
    expect((await moderator.agent.delete(`/api/chat/${hostId}/messages/${message.id}`)).status).toBe(200);
    const history = await request(app).get(`/api/chat/${hostId}/messages`);
    expect(history.body.messages.map((row: { id: string }) => row.id)).not.toContain(message.id);
  });

  it('answers 404 for a message from another chat', async () => {
    const other = await createHost('other');
    const guest = await guestInRoom(app, other.id);
    const foreign = (
      await request(app).post(`/api/chat/${other.id}/messages`).set(guestHeaders(guest)).send({ body: 'elsewhere' })
    ).body.message;
    expect((await host.agent.delete(`/api/chat/${hostId}/messages/${foreign.id}`)).status).toBe(404);
    expect((await prisma.chatMessage.findUniqueOrThrow({ where: { id: foreign.id } })).deletedAt).toBeNull();
  });

  it('pins a message for every panel, unpins it, and drops the pin when the message is deleted', async () => {
    const { message } = await guestMessage('read the rules');
    expect((await moderator.agent.put(`/api/chat/${hostId}/pin`).send({ messageId: message.id })).status).toBe(200);
    expect((await request(app).get(`/api/chat/${hostId}/state`)).body.pinned).toMatchObject({
      id: message.id,
      body: 'read the rules',
    });

    await host.agent.delete(`/api/chat/${hostId}/pin`).expect(200);
    expect((await request(app).get(`/api/chat/${hostId}/state`)).body.pinned).toBeNull();

    await host.agent.put(`/api/chat/${hostId}/pin`).send({ messageId: message.id }).expect(200);
    await host.agent.delete(`/api/chat/${hostId}/messages/${message.id}`).expect(200);
    expect((await request(app).get(`/api/chat/${hostId}/state`)).body.pinned).toBeNull();
  });

  it('clears the chat for everyone', async () => {
    await guestMessage('one');
    await guestMessage('two');
    const response = await moderator.agent.post(`/api/chat/${hostId}/clear`).send({});
    expect(response.status).toBe(200);
    expect(response.body.cleared).toBeGreaterThanOrEqual(2);
    expect((await request(app).get(`/api/chat/${hostId}/messages`)).body.messages).toEqual([]);
  });

  it('bans a signed-in user by blocking them, which also ends their follow', async () => {
    const target = await createTestUser('troll');
    await prisma.follow.create({ data: { followerId: target.id, followingId: hostId } });
    await moderator.agent.post(`/api/chat/${hostId}/bans`).send({ identity: target.id }).expect(201);
    expect(await prisma.block.count({ where: { blockerId: hostId, blockedId: target.id } })).toBe(1);
    expect(await prisma.follow.count({ where: { followerId: target.id, followingId: hostId } })).toBe(0);
  });

  it('never lets anyone moderate the creator or themselves, and only the creator moderates a moderator', async () => {
    const other = await createTestUser('mod2');
    await appointModerator(hostId, other.id);

    expect((await moderator.agent.post(`/api/chat/${hostId}/timeouts`).send({ identity: hostId, minutes: 5 })).status).toBe(403);
    expect((await moderator.agent.post(`/api/chat/${hostId}/bans`).send({ identity: `Host-${hostId}` })).status).toBe(403);
    expect(
      (await moderator.agent.post(`/api/chat/${hostId}/timeouts`).send({ identity: moderator.user.id, minutes: 5 })).status,
    ).toBe(400);
    const onModerator = await moderator.agent.post(`/api/chat/${hostId}/bans`).send({ identity: other.id });
    expect(onModerator.status).toBe(403);
    expect(onModerator.body.message).toBe('Only the creator can moderate a moderator.');
    expect(await prisma.block.count({ where: { blockerId: hostId, blockedId: other.id } })).toBe(0);

    expect((await host.agent.post(`/api/chat/${hostId}/timeouts`).send({ identity: other.id, minutes: 5 })).status).toBe(201);
  });

  it.each([
    ['timeouts', { identity: 'guest-1-abc', minutes: 0 }],
    ['timeouts', { identity: 'guest-1-abc', minutes: 1441 }],
    ['timeouts', { identity: 'guest-1-abc', minutes: 2.5 }],
    ['timeouts', { identity: 'bad identity!', minutes: 5 }],
    ['timeouts', { minutes: 5 }],
    ['bans', { identity: '' }],
    ['bans', { identity: 'x', reason: 'extra' }],
    ['pin', {}],
    ['clear', { everything: true }],
    ['moderators', {}],
    ['moderators', { userId: 'a', username: 'b' }],
  ])('%s refuses the body %j with 400', async (route, body) => {
    const path = `/api/chat/${hostId}/${route}`;
    const response = route === 'pin' ? await host.agent.put(path).send(body) : await host.agent.post(path).send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 when banning a user id that does not exist or pinning an unknown message', async () => {
    expect((await host.agent.post(`/api/chat/${hostId}/bans`).send({ identity: 'no-such-user' })).status).toBe(404);
    expect((await host.agent.put(`/api/chat/${hostId}/pin`).send({ messageId: 'no-such-message' })).status).toBe(404);
  });
});

describe('moderators: appointed by the creator only', () => {
  it('lists, adds (by username or id, idempotently) and removes moderators', async () => {
    const candidate = await createTestUser('helper');
    await host.agent
      .post(`/api/chat/${hostId}/moderators`)
      .send({ username: candidate.displayUsername.toUpperCase() })
      .expect(201);
    await host.agent.post(`/api/chat/${hostId}/moderators`).send({ userId: candidate.id }).expect(201);
    const listed = await host.agent.get(`/api/chat/${hostId}/moderators`);
    expect(listed.status).toBe(200);
    expect(listed.body.moderators.filter((user: { id: string }) => user.id === candidate.id)).toHaveLength(1);
    expect(listed.body.moderators[0]).toMatchObject({ id: moderator.user.id, username: moderator.user.username });

    await host.agent.delete(`/api/chat/${hostId}/moderators/${candidate.id}`).expect(200);
    expect(await prisma.chatModerator.count({ where: { hostId, userId: candidate.id } })).toBe(0);
  });

  it('refuses anonymous callers (401), moderators and viewers (403)', async () => {
    expect((await request(app).get(`/api/chat/${hostId}/moderators`)).status).toBe(401);
    expect((await request(app).post(`/api/chat/${hostId}/moderators`).send({ userId: viewer.user.id })).status).toBe(401);
    for (const member of [moderator, viewer]) {
      expect((await member.agent.get(`/api/chat/${hostId}/moderators`)).status).toBe(403);
      const add = await member.agent.post(`/api/chat/${hostId}/moderators`).send({ userId: viewer.user.id });
      expect(add.status).toBe(403);
      expect(add.body.message).toBe('Only the creator can do that.');
      expect((await member.agent.delete(`/api/chat/${hostId}/moderators/${moderator.user.id}`)).status).toBe(403);
    }
    expect(await prisma.chatModerator.count({ where: { hostId, userId: { in: [moderator.user.id, viewer.user.id] } } })).toBe(1);
  });

  it('answers 404 for an unknown username and 400 for the creator themselves', async () => {
    expect((await host.agent.post(`/api/chat/${hostId}/moderators`).send({ username: 'nobody_by_that_name' })).status).toBe(404);
    expect((await host.agent.post(`/api/chat/${hostId}/moderators`).send({ userId: hostId })).status).toBe(400);
  });
});

describe('POST /api/chat/:hostId/reactions', () => {
  it('accepts reactions from a guest, then limits the rate', async () => {
    const guest = await guestInRoom(app, hostId);
    const responses = await Promise.all(
      (['like', 'love', 'fire', 'clap', 'wow'] as const).map((reaction) =>
        request(app).post(`/api/chat/${hostId}/reactions`).set(guestHeaders(guest)).send({ reaction }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([202, 202, 202, 429, 429]);
    const limited = responses.filter((response) => response.status === 429);
    expect(limited[0]!.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
  });

  it('refuses an unknown reaction (400), an anonymous caller (401) and a timed-out guest (403)', async () => {
    expect((await viewer.agent.post(`/api/chat/${hostId}/reactions`).send({ reaction: 'angry' })).status).toBe(400);
    expect((await request(app).post(`/api/chat/${hostId}/reactions`).send({ reaction: 'like' })).status).toBe(401);
    const guest = await guestInRoom(app, hostId);
    await moderator.agent.post(`/api/chat/${hostId}/timeouts`).send({ identity: guest.identity, minutes: 1 }).expect(201);
    const refused = await request(app).post(`/api/chat/${hostId}/reactions`).set(guestHeaders(guest)).send({ reaction: 'like' });
    expect(refused.status).toBe(403);
    expect(refused.body.reason).toBe('TIMED_OUT');
  });
});
