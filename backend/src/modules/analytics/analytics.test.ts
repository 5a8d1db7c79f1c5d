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
