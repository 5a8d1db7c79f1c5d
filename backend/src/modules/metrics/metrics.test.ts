import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** A real app instance with its configuration changed (the config is parsed once, at import). */
async function appWith(environment: Record<string, string>): Promise<Express> {
  vi.unstubAllEnvs();
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  const { createApp } = await import('../../app.ts');
  return createApp();
}

afterAll(() => vi.unstubAllEnvs());

describe('GET /metrics', () => {
  it('does not exist unless the operator configured a token', async () => {
    const app = await appWith({});
    const response = await request(app).get('/metrics');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('answers only with the token, and then in Prometheus format with request latency by declared route', async () => {
    const app = await appWith({ METRICS_TOKEN: TOKEN });
    expect((await request(app).get('/metrics')).status).toBe(401);
    expect((await request(app).get('/metrics').set('Authorization', 'Bearer not-the-token-0123456789abc')).status).toBe(401);

    await request(app).get('/api/viewer/live');
    await request(app).get('/api/users/nobody-here-at-all');
    const response = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toMatch(
      /streamhouse_http_request_duration_seconds_count\{method="GET",route="\/api\/viewer\/live",status="2xx"\} [1-9]/,
    );
    // A route's pattern, never the URL a client chose.
    expect(text).toMatch(/route="\/api\/users\/:username",status="4xx"/);
    expect(text).not.toContain('nobody-here-at-all');
  });

  it('serves every metric the Grafana dashboard in docs/ queries', async () => {
    const app = await appWith({ METRICS_TOKEN: TOKEN });
    const text = (await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).text;
    const served = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]!));
    const dashboard = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../docs/grafana-dashboard.json'), 'utf8');
    const queried = new Set(
      [...dashboard.matchAll(/\b(streamhouse_[a-z0-9_]+)/g)].map((match) => match[1]!.replace(/_(bucket|count|sum)$/, '')),
    );
    expect(queried.size).toBeGreaterThan(5);
    expect([...queried].filter((name) => !served.has(name))).toEqual([]);
  });
});
