import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent } from '../../test/fixtures.ts';

const app = createApp();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('GET /api/analytics/sessions', () => {
  it("reports the creator's own broadcasts with viewer and chat figures", async () => {
    const { agent, user } = await signedInAgent(app, 'analyst');
    const stream = await prisma.stream.create({ data: { userId: user.id, title: 'Analytics' } });
    const session = await prisma.streamSession.create({
      data: { streamId: stream.id, startedAt: minutesAgo(60), endedAt: minutesAgo(30), peakViewers: 2 },
    });
    await prisma.viewerPresence.createMany({
      data: [
        { sessionId: session.id, identity: 'viewer-a', joinedAt: minutesAgo(60), leftAt: minutesAgo(30) },
        { sessionId: session.id, identity: 'guest-1-aa', joinedAt: minutesAgo(50), leftAt: minutesAgo(40) },
      ],
    });
    await prisma.chatMessage.createMany({
      data: [
        { hostId: user.id, senderIdentity: 'viewer-a', senderName: 'A', color: '#fff', body: 'hi', createdAt: minutesAgo(45) },
        { hostId: user.id, senderIdentity: 'viewer-a', senderName: 'A', color: '#fff', body: 'after', createdAt: minutesAgo(10) },
      ],
    });

    const response = await agent.get('/api/analytics/sessions');
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0]).toMatchObject({
      id: session.id,
      isLive: false,
      durationSeconds: 1800,
      peakViewers: 2,
      uniqueViewers: 2,
      totalWatchSeconds: 2400,
      averageWatchSeconds: 1200,
      averageViewers: 1.3,
      chatMessages: 1,
    });
  });

  it("never shows another creator's sessions", async () => {
    const { user: other } = await signedInAgent(app, 'other');
    const stream = await prisma.stream.create({ data: { userId: other.id } });
    await prisma.streamSession.create({ data: { streamId: stream.id, startedAt: minutesAgo(5) } });
    const { agent } = await signedInAgent(app, 'nosy');
    const response = await agent.get('/api/analytics/sessions');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  it('answers 401 to anonymous callers and 400 to a bad limit', async () => {
    expect((await request(app).get('/api/analytics/sessions')).status).toBe(401);
    const { agent } = await signedInAgent(app, 'limits');
    const response = await agent.get('/api/analytics/sessions?limit=1000');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/analytics/sessions/:sessionId', () => {
  it('charts one broadcast: viewers over time, chat per minute, new followers, where viewers came from', async () => {
    const { agent, user } = await signedInAgent(app, 'charts');
    const { user: fan } = await signedInAgent(app, 'fan');
    const { user: early } = await signedInAgent(app, 'early');
    const stream = await prisma.stream.create({ data: { userId: user.id, title: 'Charts' } });
    const startedAt = minutesAgo(10);
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
    const session = await prisma.streamSession.create({ data: { streamId: stream.id, startedAt, endedAt: at(5) } });
    await prisma.viewerPresence.createMany({
      data: [
        { sessionId: session.id, identity: fan.id, joinedAt: at(0), leftAt: at(5), source: 'HOME' },
        { sessionId: session.id, identity: 'guest-1-aa', joinedAt: at(1), leftAt: at(2), source: 'SEARCH' },
        { sessionId: session.id, identity: 'guest-1-bb', joinedAt: at(1.5), leftAt: at(3), source: 'SEARCH' },
        { sessionId: session.id, identity: 'guest-1-cc', joinedAt: at(2), leftAt: at(4) },
      ],
    });
    const message = (minute: number) => ({
      hostId: user.id,
      senderIdentity: fan.id,
      senderName: 'F',
      color: '#fff',
      body: 'hi',
      createdAt: at(minute),
    });
    await prisma.chatMessage.createMany({ data: [message(0.2), message(0.5), message(3.1), message(6)] });
    await prisma.follow.create({ data: { followerId: fan.id, followingId: user.id, createdAt: at(2) } });
    await prisma.follow.create({ data: { followerId: early.id, followingId: user.id, createdAt: minutesAgo(60) } });

    const response = await agent.get(`/api/analytics/sessions/${session.id}`);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.title).toBe('Charts');
    expect(body.session).toMatchObject({
      id: session.id,
      durationSeconds: 300,
      peakViewers: 3,
      uniqueViewers: 4,
      chatMessages: 3,
    });
    expect(body.viewers).toHaveLength(20); // 5 minutes in 15 s buckets
    expect(body.viewers[0]).toEqual({ at: startedAt.toISOString(), viewers: 1 });
    expect(Math.max(...body.viewers.map((point: { viewers: number }) => point.viewers))).toBe(3);
    expect(body.chatPerMinute).toEqual([2, 0, 0, 1, 0]);
    expect(body.newFollowers).toBe(1);
    expect(body.sources).toEqual([
      { source: 'SEARCH', viewers: 2 },
      { source: 'HOME', viewers: 1 },
      { source: null, viewers: 1 },
    ]);
  });

  it("answers 404 for another creator's broadcast, 400 for a bad id, 401 when signed out", async () => {
    const { user: other } = await signedInAgent(app, 'owner');
    const stream = await prisma.stream.create({ data: { userId: other.id } });
    const session = await prisma.streamSession.create({ data: { streamId: stream.id, startedAt: minutesAgo(5) } });
    const { agent } = await signedInAgent(app, 'snoop');
    expect((await agent.get(`/api/analytics/sessions/${session.id}`)).status).toBe(404);
    expect((await agent.get('/api/analytics/sessions/not-an-id')).status).toBe(400);
    expect((await request(app).get(`/api/analytics/sessions/${session.id}`)).status).toBe(401);
  });
});
