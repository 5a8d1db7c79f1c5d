import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';

const app = createApp();
// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('GET /api/users/:username (public profile)', () => {
  it('shows anyone the profile, found by username in any case, with counts and the live state', async () => {
    const creator = await createTestUser('Profiled');
    await prisma.user.update({ where: { id: creator.id }, data: { bio: 'Speedruns.', name: 'The Creator' } });
    const fans = await Promise.all([createTestUser('fan'), createTestUser('fan')]);
    await prisma.follow.createMany({ data: fans.map((fan) => ({ followerId: fan.id, followingId: creator.id })) });
    await prisma.follow.create({ data: { followerId: creator.id, followingId: fans[0]!.id } });
    await prisma.stream.create({ data: { userId: creator.id, isLive: true, title: 'Now' } });

    const response = await request(app).get(`/api/users/${creator.displayUsername.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: creator.id,
      username: creator.username,
      displayUsername: creator.displayUsername,
      name: 'The Creator',
      bio: 'Speedruns.',
      image: null,
      createdAt: creator.createdAt.toISOString(),
      followerCount: 2,
      followingCount: 1,
      isLive: true,
      streamTitle: 'Now',
      viewer: null,
    });
    expect(response.body).not.toHaveProperty('email');
  });

  it('tells a signed-in viewer whether they follow the user, and the owner that it is them', async () => {
    const { agent, user } = await signedInAgent(app, 'viewer');
    const creator = await createTestUser('creator');
    await prisma.follow.create({ data: { followerId: user.id, followingId: creator.id } });
    const other = await agent.get(`/api/users/${creator.username}`);
    expect(other.body.viewer).toEqual({ isSelf: false, isFollowing: true, isBlocking: false });
    expect(other.body.isLive).toBe(false);
    const own = await agent.get(`/api/users/${user.username}`);
    expect(own.body.viewer).toEqual({ isSelf: true, isFollowing: false, isBlocking: false });
  });

  it.each(['nobody_has_this_name', 'not a name', 'x'.repeat(64)])('answers 404 JSON for %s', async (username) => {
    const response = await request(app).get(`/api/users/${encodeURIComponent(username)}`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND', message: `There is no one called "${username}" here.` });
  });

  it('answers 400 for a username param longer than any could be', async () => {
    const response = await request(app).get(`/api/users/${'x'.repeat(65)}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('PATCH /api/users/:username (profile settings)', () => {
  it('lets the owner change display name, bio and avatar, and remove them again', async () => {
    const { agent, user } = await signedInAgent(app, 'owner');
    const upload = await agent.post('/api/uploads').set('Content-Type', 'image/png').send(PNG);
    const changed = await agent
      .patch(`/api/users/${user.username}`)
      .send({ name: '  Night Owl  ', bio: 'Line one\r\nLine two', image: upload.body.url });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Night Owl',
      bio: 'Line one\nLine two',
      image: upload.body.url,
      viewer: { isSelf: true },
    });

    // The session shows the new name and picture (the header reads it).
    const session = await agent.get('/api/auth/get-session');
    expect(session.body.user).toMatchObject({ name: 'Night Owl', image: upload.body.url });

    const cleared = await agent.patch(`/api/users/${user.username}`).send({ bio: '   ', image: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ name: 'Night Owl', bio: null, image: null });
  });

  it('refuses anonymous callers with 401 and other users with 403, changing nothing', async () => {
    const { user: owner } = await signedInAgent(app, 'owner');
    const { agent: other } = await signedInAgent(app, 'other');
    const anonymous = await request(app).patch(`/api/users/${owner.username}`).send({ name: 'Hijacked' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const forbidden = await other.patch(`/api/users/${owner.username}`).send({ name: 'Hijacked' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_OWNER',
      message: 'Only the owner of this channel can do that.',
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).name).toBe(owner.name);
  });

  it.each([
    ['an empty body', {}, '(body)'],
    ['an unknown field', { creatorApproved: true }, '(body)'],
    ['an empty display name', { name: '   ' }, 'name'],
    ['a display name over 50 characters', { name: 'x'.repeat(51) }, 'name'],
    ['a display name with a bidi override', { name: 'abc\u202Edef' }, 'name'],
    ['a display name that is not text', { name: 42 }, 'name'],
    ['a bio over 300 characters', { bio: 'x'.repeat(301) }, 'bio'],
    ['a bio with a control character', { bio: 'bell\u0007' }, 'bio'],
    ['an avatar on another site', { image: 'https://tracker.example/pixel.gif' }, 'image'],
    ['an avatar path that is not an upload', { image: '/api/uploads/../../etc/passwd' }, 'image'],
  ])('refuses %s with 400 naming the field, keeping the stored profile', async (_label, body, path) => {
    const { agent, user } = await signedInAgent(app, 'owner');
    const response = await agent.patch(`/api/users/${user.username}`).send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.fields.map((field: { path: string }) => field.path)).toContain(path);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
  });

  it("refuses someone else's upload, or one that does not exist, as an avatar", async () => {
    const { agent: stranger } = await signedInAgent(app, 'stranger');
    const theirs = await stranger.post('/api/uploads').set('Content-Type', 'image/png').send(PNG);
    const { agent, user } = await signedInAgent(app, 'owner');
    for (const image of [theirs.body.url, '/api/uploads/00000000-0000-4000-8000-000000000000']) {
      const response = await agent.patch(`/api/users/${user.username}`).send({ image });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/upload the image first/);
    }
  });

  it('answers malformed JSON with 400 JSON', async () => {
    const { agent, user } = await signedInAgent(app, 'owner');
    const response = await agent.patch(`/api/users/${user.username}`).set('Content-Type', 'application/json').send('{"name": ');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_REQUEST');
  });
});
