import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';

const app = createApp();

async function creatorWithStream(prefix: string, stream: { isLive?: boolean; viewerCount?: number; title?: string } = {}) {
  const user = await createTestUser(prefix);
  await prisma.stream.create({
    data: {
      userId: user.id,
      title: stream.title ?? `${prefix} stream`,
      isLive: stream.isLive ?? false,
      viewerCount: stream.viewerCount ?? 0,
      startedAt: stream.isLive ? new Date() : null,
      streamKey: 'sk_secret_do_not_leak',
      serverUrl: 'rtmp://127.0.0.1/x',
      ingressId: `IN_${user.id}`,
    },
  });
  return user;
}

describe('GET /api/viewer/stream/:username', () => {
  it('shows the public channel (case-insensitive) with chat rules, and never the key or ingress data', async () => {
    const host = await creatorWithStream('pub', { isLive: true, viewerCount: 7, title: 'Ramen night' });
    const response = await request(app).get(`/api/viewer/stream/${host.displayUsername.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      hostId: host.id,
      username: host.displayUsername,
      title: 'Ramen night',
      isLive: true,
      viewerCount: 7,
      followerCount: 0,
      isFollowing: false,
      chat: { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 0 },
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('sk_secret_do_not_leak');
    expect(text).not.toContain('IN_');
    expect(text).not.toContain('rtmp://');
  });

  it('answers 404 JSON for an unknown creator', async () => {
    const response = await request(app).get('/api/viewer/stream/nobody_by_this_name');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/viewer/live', () => {
  it('pages through live streams only, most watched first', async () => {
    const busy = await creatorWithStream('busy', { isLive: true, viewerCount: 100_000 });
    const quiet = await creatorWithStream('quiet', { isLive: true, viewerCount: 99_999 });
    const offline = await creatorWithStream('off', { isLive: false });

    const first = await request(app).get('/api/viewer/live?page=1&limit=1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, limit: 1 });
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect(first.body.totalPages).toBe(first.body.total);
    expect(first.body.items[0].hostId).toBe(busy.id);
    const second = await request(app).get('/api/viewer/live?page=2&limit=1');
    expect(second.body.items[0].hostId).toBe(quiet.id);

    const all = await request(app).get('/api/viewer/live?limit=50');
    expect(all.body.items.map((item: { hostId: string }) => item.hostId)).not.toContain(offline.id);
    expect(JSON.stringify(all.body)).not.toContain('sk_secret_do_not_leak');
  });

  it.each(['page=0', 'limit=500', 'page=abc'])('refuses ?%s with 400', async (query) => {
    const response = await request(app).get(`/api/viewer/live?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('following, recommended and search', () => {
  it('lists the creators a viewer follows, live first; anonymous gets 401', async () => {
    const { agent, user: viewer } = await signedInAgent(app, 'fan');
    const live = await creatorWithStream('flive', { isLive: true, viewerCount: 3 });
    const offline = await creatorWithStream('foff', { isLive: false, title: 'Last week: speedrun' });
    await prisma.follow.createMany({
      data: [
        { followerId: viewer.id, followingId: offline.id },
        { followerId: viewer.id, followingId: live.id },
      ],
    });
    const response = await agent.get('/api/viewer/following');
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { hostId: string }) => item.hostId)).toEqual([live.id, offline.id]);
    expect(response.body.items[1]).toMatchObject({ isLive: false, title: 'Last week: speedrun' });
    expect((await request(app).get('/api/viewer/following')).status).toBe(401);
  });

  it('recommends live creators first and hides the viewer and creators who blocked them', async () => {
    const { agent, user: viewer } = await signedInAgent(app, 'rec');
    const live = await creatorWithStream('rlive', { isLive: true, viewerCount: 50_000 });
    const blocker = await creatorWithStream('rblock', { isLive: true, viewerCount: 60_000 });
    await prisma.block.create({ data: { blockerId: blocker.id, blockedId: viewer.id } });
    await prisma.stream.create({ data: { userId: viewer.id, title: 'mine' } });

    const response = await agent.get('/api/viewer/recommended?limit=50');
    expect(response.status).toBe(200);
    const ids = response.body.items.map((item: { hostId: string }) => item.hostId);
    expect(ids).toContain(live.id);
    expect(ids).not.toContain(blocker.id);
    expect(ids).not.toContain(viewer.id);
    const liveFlags: boolean[] = response.body.items.map((item: { isLive: boolean }) => item.isLive);
    expect(liveFlags).toEqual([...liveFlags].sort((a, b) => Number(b) - Number(a)));

    const anonymous = await request(app).get('/api/viewer/recommended?limit=50');
    expect(anonymous.body.items.map((item: { hostId: string }) => item.hostId)).toContain(blocker.id);
  });

  it('finds creators by username or stream title, case-insensitively', async () => {
    const host = await creatorWithStream('srch', { title: 'Zanzibar Sunset Painting' });
    const byTitle = await request(app).get('/api/viewer/search?q=zanzibar sunset');
    expect(byTitle.body.items.map((item: { hostId: string }) => item.hostId)).toContain(host.id);
    const byName = await request(app).get(`/api/viewer/search?q=${host.displayUsername.toUpperCase()}`);
    expect(byName.body.items.map((item: { hostId: string }) => item.hostId)).toEqual([host.id]);
  });

  it.each(['', 'q=', `q=${'x'.repeat(51)}`])('refuses search ?%s with 400', async (query) => {
    const response = await request(app).get(`/api/viewer/search?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/q:/);
  });
});
