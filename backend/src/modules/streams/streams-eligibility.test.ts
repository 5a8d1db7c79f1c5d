import { describe, expect, it } from 'vitest';

// This file runs with a go-live gate of one follower (config is read once, at import, hence the dynamic imports).
process.env.MIN_FOLLOWERS_TO_STREAM = '1';
const { createApp } = await import('../../app.ts');
const { prisma } = await import('../../lib/prisma.ts');
const { ingressClient } = await import('../../lib/livekit.ts');
const { createTestUser, signedInAgent } = await import('../../test/fixtures.ts');

const app = createApp();

describe('the go-live gate applies to stream keys and browser publishing', () => {
  it('refuses a creator below the gate with 403 and the reason in words, creating nothing', async () => {
    const { agent, user } = await signedInAgent(app, 'newbie');
    for (const attempt of [
      agent.post('/api/stream/ingress').send({ type: 'RTMP' }),
      agent.post('/api/stream/publisher-token').send({}),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ELIGIBLE',
        message: expect.stringContaining('1 follower'),
      });
    }
    expect(await ingressClient.listIngress({ roomName: user.id })).toHaveLength(0);
    expect(await prisma.stream.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it('lets the creator through once they meet it', async () => {
    const { agent, user } = await signedInAgent(app, 'grown');
    const fan = await createTestUser('fan');
    await prisma.follow.create({ data: { followerId: fan.id, followingId: user.id } });
    expect((await agent.post('/api/stream/ingress').send({ type: 'WHIP' })).status).toBe(201);
    expect((await agent.post('/api/stream/publisher-token').send({})).status).toBe(200);
  });
});
