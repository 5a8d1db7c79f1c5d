import { afterAll, afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { createApp } from '../../app.ts';
import { roomService } from '../../lib/livekit.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';

const app = createApp();
const rooms: Room[] = [];

afterEach(async () => {
  await Promise.all(rooms.splice(0).map((room) => room.disconnect()));
});
afterAll(async () => {
  await dispose();
});

async function followerCount(userId: string) {
  return prisma.follow.count({ where: { followingId: userId } });
}

describe('follow and unfollow', () => {
  it('is idempotent both ways and answers the new follower count', async () => {
    const { agent } = await signedInAgent(app, 'fan');
    const creator = await createTestUser('creator');
    for (let round = 0; round < 2; round++) {
      const followed = await agent.post(`/api/users/${creator.displayUsername.toUpperCase()}/follow`);
      expect(followed.status).toBe(200);
      expect(followed.body).toEqual({ following: true, followerCount: 1 });
    }
    for (let round = 0; round < 2; round++) {
      const unfollowed = await agent.delete(`/api/users/${creator.username}/follow`);
      expect(unfollowed.status).toBe(200);
      expect(unfollowed.body).toEqual({ following: false, followerCount: 0 });
    }
  });

  it('refuses following yourself with 400', async () => {
    const { agent, user } = await signedInAgent(app, 'narcissus');
    const response = await agent.post(`/api/users/${user.username}/follow`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'BAD_REQUEST', reason: 'SELF', message: "You can't follow yourself." });
    expect(await followerCount(user.id)).toBe(0);
  });

  it('refuses anonymous callers with 401, unknown users with 404 and a body with 400', async () => {
    const creator = await createTestUser('creator');
    expect((await request(app).post(`/api/users/${creator.username}/follow`)).status).toBe(401);
    expect((await request(app).delete(`/api/users/${creator.username}/follow`)).status).toBe(401);
    const { agent } = await signedInAgent(app, 'fan');
    const unknown = await agent.post('/api/users/nobody_by_this_name/follow');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const withBody = await agent.post(`/api/users/${creator.username}/follow`).send({ followerId: 'someone-else' });
    expect(withBody.status).toBe(400);
    expect(withBody.body.code).toBe('VALIDATION_FAILED');
    expect(await followerCount(creator.id)).toBe(0);
  });
});

describe('block and unblock', () => {
  it('ends follows both ways, refuses the blocked user a token for the room with 403 BLOCKED, and unblocking restores it', async () => {
    const { agent: creator, user: creatorUser } = await signedInAgent(app, 'creator');
    const { agent: troll, user: trollUser } = await signedInAgent(app, 'troll');
    await troll.post(`/api/users/${creatorUser.username}/follow`).expect(200);
    await creator.post(`/api/users/${trollUser.username}/follow`).expect(200);

    const blocked = await creator.post(`/api/users/${trollUser.username}/block`);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toEqual({ blocked: true });
    expect(await followerCount(creatorUser.id)).toBe(0);
    expect(await followerCount(trollUser.id)).toBe(0);

    const token = await troll.post('/api/viewer/token').send({ username: creatorUser.username });
    expect(token.status).toBe(403);
    expect(token.body).toEqual({ code: 'FORBIDDEN', message: 'This channel is unavailable to you.', reason: 'BLOCKED' });

    const refollow = await troll.post(`/api/users/${creatorUser.username}/follow`);
    expect(refollow.status).toBe(403);
    expect(refollow.body).toMatchObject({ code: 'FORBIDDEN', reason: 'BLOCKED' });

    const followBlocked = await creator.post(`/api/users/${trollUser.username}/follow`);
    expect(followBlocked.status).toBe(409);
    expect(followBlocked.body.message).toBe('You blocked this user. Unblock them to follow them.');

    // Other people, and guests, still get in.
    const { agent: fan } = await signedInAgent(app, 'fan');
    expect((await fan.post('/api/viewer/token').send({ username: creatorUser.username })).status).toBe(200);
    expect((await request(app).post('/api/viewer/token').send({ username: creatorUser.username })).status).toBe(200);

    // Blocking is one-way: the troll's own room is not closed to the creator.
    expect((await creator.post('/api/viewer/token').send({ username: trollUser.username })).status).toBe(200);

    expect((await creator.delete(`/api/users/${trollUser.username}/block`)).body).toEqual({ blocked: false });
    expect((await troll.post('/api/viewer/token').send({ username: creatorUser.username })).status).toBe(200);
  });

  it('removes a blocked viewer who is watching from the room at once', async () => {
    const { agent: creator, user: creatorUser } = await signedInAgent(app, 'creator');
    const { agent: viewer, user: viewerUser } = await signedInAgent(app, 'viewer');
    const token = (await viewer.post('/api/viewer/token').send({ username: creatorUser.username })).body;
    const room = new Room();
    rooms.push(room);
    const disconnected = new Promise<void>((resolve) => room.once(RoomEvent.Disconnected, () => resolve()));
    await room.connect(token.wsUrl, token.token, { autoSubscribe: false, dynacast: false });
    const identities = async () =>
      (await roomService.listParticipants(creatorUser.id)).map((participant) => participant.identity);
    expect(await identities()).toContain(viewerUser.id);

    expect((await creator.post(`/api/users/${viewerUser.username}/block`)).status).toBe(200);
    await disconnected;
    expect(await identities()).not.toContain(viewerUser.id);
  });

  it('is idempotent, and succeeds when the blocked user is not in the room', async () => {
    const { agent } = await signedInAgent(app, 'creator');
    const target = await createTestUser('target');
    for (let round = 0; round < 2; round++) {
      expect((await agent.post(`/api/users/${target.username}/block`)).body).toEqual({ blocked: true });
    }
    expect(await prisma.block.count({ where: { blockedId: target.id } })).toBe(1);
  });

  it('refuses blocking yourself (400), anonymous callers (401), unknown users (404) and a body (400)', async () => {
    const { agent, user } = await signedInAgent(app, 'creator');
    const self = await agent.post(`/api/users/${user.username}/block`);
    expect(self.status).toBe(400);
    expect(self.body.message).toBe("You can't block yourself.");
    const target = await createTestUser('target');
    expect((await request(app).post(`/api/users/${target.username}/block`)).status).toBe(401);
    expect((await request(app).delete(`/api/users/${target.username}/block`)).status).toBe(401);
    expect((await agent.post('/api/users/nobody_by_this_name/block')).status).toBe(404);
    expect((await agent.post(`/api/users/${target.username}/block`).send({ reason: 'spam' })).status).toBe(400);
    expect(await prisma.block.count({ where: { blockedId: target.id } })).toBe(0);
  });
});

describe('GET /api/users/:username/following', () => {
  it('lists whom the owner follows, newest first, with live state, page by page', async () => {
    const { agent, user } = await signedInAgent(app, 'fan');
    const creators = [await createTestUser('first'), await createTestUser('second'), await createTestUser('third')];
    for (const [index, creator] of creators.entries()) {
      await prisma.follow.create({
        data: { followerId: user.id, followingId: creator.id, createdAt: new Date(Date.now() - (3 - index) * 60_000) },
      });
    }
    await prisma.stream.create({ data: { userId: creators[0]!.id, isLive: true } });

    const first = await agent.get(`/api/users/${user.username}/following?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.users.map((followed: { id: string }) => followed.id)).toEqual([creators[2]!.id, creators[1]!.id]);
    expect(first.body.users[0]).toEqual({
      id: creators[2]!.id,
      username: creators[2]!.username,
      displayUsername: creators[2]!.displayUsername,
      name: creators[2]!.name,
      image: null,
      isLive: false,
      followedAt: expect.any(String),
    });
    expect(first.body.nextCursor).toEqual(expect.any(String));

    // Unfollowing someone on the first page does not make the next page skip anyone.
    await agent.delete(`/api/users/${creators[1]!.username}/follow`).expect(200);
    const second = await agent.get(
      `/api/users/${user.username}/following?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body).toEqual({ users: [expect.objectContaining({ id: creators[0]!.id, isLive: true })], nextCursor: null });
  });

  it('is private: 401 for anonymous callers, 403 for other users', async () => {
    const { user } = await signedInAgent(app, 'fan');
    const { agent: other } = await signedInAgent(app, 'other');
    expect((await request(app).get(`/api/users/${user.username}/following`)).status).toBe(401);
    const forbidden = await other.get(`/api/users/${user.username}/following`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect((await other.get(`/api/users/${user.username}/blocked`)).status).toBe(403);
  });

  it.each([
    ['a limit of 0', 'limit=0'],
    ['a limit over 100', 'limit=101'],
    ['a limit that is not a number', 'limit=lots'],
    ['a made-up cursor', 'cursor=abc'],
    ['an unknown parameter', 'sort=oldest'],
  ])('refuses %s with 400', async (_label, query) => {
    const { agent, user } = await signedInAgent(app, 'fan');
    const response = await agent.get(`/api/users/${user.username}/following?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/users/:username/blocked', () => {
  it('lists whom the owner blocked, for unblocking in settings', async () => {
    const { agent, user } = await signedInAgent(app, 'creator');
    const target = await createTestUser('target');
    await agent.post(`/api/users/${target.username}/block`).expect(200);
    const response = await agent.get(`/api/users/${user.username}/blocked`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      users: [expect.objectContaining({ id: target.id, username: target.username, blockedAt: expect.any(String) })],
    });
    expect((await request(app).get(`/api/users/${user.username}/blocked`)).status).toBe(401);
  });
});
