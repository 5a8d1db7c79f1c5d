import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { RoomServiceClient } from 'livekit-server-sdk';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { checkReadiness } from './health.service.ts';

const app = createApp();

describe('health and readiness', () => {
  it('answers /health while the process is up', async () => {
    const response = await request(app).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL and LiveKit both answer', async () => {
    const response = await request(app).get('/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { database: 'ok', livekit: 'ok', notifications: 'ok' } });
  });

  it('names LiveKit as the failing dependency when it does not answer', async () => {
    // A real client pointed at a port where nothing listens.
    const unreachable = new RoomServiceClient('http://127.0.0.1:9', 'devkey', 'secret');
    const report = await checkReadiness({
      database: () => prisma.$queryRaw`SELECT 1`,
      livekit: () => unreachable.listRooms(),
      notifications: async () => undefined,
    });
    expect(report.ready).toBe(false);
    expect(report.checks.database).toBe('ok');
    expect(report.checks.livekit).not.toBe('ok');
  });

  it('is not ready when notifications do not reach the instance (LISTEN behind a transaction pooler)', async () => {
    // A pooler in transaction mode runs NOTIFY fine but never delivers to LISTEN: the probe waits and gives up.
    const report = await checkReadiness({
      database: () => prisma.$queryRaw`SELECT 1`,
      livekit: async () => undefined,
      notifications: () => new Promise((resolve) => setTimeout(resolve, 10_000)),
    });
    expect(report).toMatchObject({ ready: false, checks: { database: 'ok', livekit: 'ok', notifications: 'timeout' } });
  });
});
