/**
 * When PostgreSQL or LiveKit is down the site answers 503 JSON with Retry-After (clients retry), never a 500,
 * and never shows a driver's raw message. Each app here is a real instance configured against a port where
 * nothing listens, exactly what a crashed database or LiveKit server looks like to the backend.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';

/** Nothing listens on port 9 (discard) on this machine. */
const DEAD_DATABASE = 'postgresql://postgres:postgres@127.0.0.1:9/streamhouse';
const DEAD_LIVEKIT = 'ws://127.0.0.1:9';

async function appWith(environment: Record<string, string>): Promise<Express> {
  vi.unstubAllEnvs();
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  const { createApp } = await import('../app.ts');
  return createApp();
}

afterAll(() => {
  vi.unstubAllEnvs();
});

describe('PostgreSQL down', () => {
  it('answers public reads, writes and the event stream with 503 + Retry-After, and /ready names only the failing part', async () => {
    const app = await appWith({ DATABASE_URL: DEAD_DATABASE });
    for (const [path, call] of [
      ['GET /api/viewer/live', request(app).get('/api/viewer/live')],
      ['GET /api/viewer/stream/somebody', request(app).get('/api/viewer/stream/somebody')],
      ['POST /api/viewer/token', request(app).post('/api/viewer/token').send({ username: 'somebody' })],
      ['GET /api/live/events', request(app).get('/api/live/events')],
      ['GET /api/chat/some-host/messages', request(app).get('/api/chat/some-host/messages')],
    ] as const) {
      const response = await call;
      expect(response.status, path).toBe(503);
      expect(response.body).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/right now/i) });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    const ready = await request(app).get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toBeDefined();
    // Notifications travel through PostgreSQL too.
    expect(ready.body.checks).toEqual({ database: 'unavailable', livekit: 'ok', notifications: 'unavailable' });
    expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|postgres/i);
  });
});

describe('LiveKit down', () => {
  it('answers a guest trying to chat with 503 + Retry-After', async () => {
    const app = await appWith({ LIVEKIT_URL: DEAD_LIVEKIT });
    const { prisma } = await import('../lib/prisma.ts');
    const { createTestUser } = await import('../test/fixtures.ts');
    const host = await createTestUser('outage');
    const pass = await request(app).post('/api/viewer/token').set('X-Forwarded-For', '10.200.0.1').send({ hostId: host.id });
    expect(pass.status).toBe(200);
    const chat = await request(app)
      .post(`/api/chat/${host.id}/messages`)
      .set({ Authorization: `Bearer ${pass.body.token}`, 'X-Forwarded-For': '10.200.0.1' })
      .send({ body: 'anyone there?' });
    expect(chat.status).toBe(503);
    expect(chat.body.code).toBe('UNAVAILABLE');
    expect(chat.headers['retry-after']).toBeDefined();
    expect(await prisma.chatMessage.count({ where: { hostId: host.id } })).toBe(0);
    const ready = await request(app).get('/ready');
    expect(ready.body.checks).toEqual({ database: 'ok', livekit: 'unavailable', notifications: 'ok' });
  });
});
