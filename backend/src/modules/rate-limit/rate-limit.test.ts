import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hitRateLimit, resetRateLimit } from './rate-limit.service.ts';

describe('shared rate limiter (PostgreSQL)', () => {
  it('allows up to the limit in a window, then refuses with the time left', async () => {
    const key = `test:${randomUUID()}`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(key, 3, 60_000));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterMs).toBeGreaterThan(55_000);
    expect(results[3]!.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('counts concurrent hits exactly (one atomic upsert each)', async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(key, 5, 60_000)));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
  });

  it('starts a new window once the old one ends', async () => {
    const key = `test:${randomUUID()}`;
    expect((await hitRateLimit(key, 1, 50)).allowed).toBe(true);
    const second = await hitRateLimit(key, 1, 50);
    expect(second.allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, second.retryAfterMs + 10));
    expect((await hitRateLimit(key, 1, 50)).allowed).toBe(true);
  });

  it('forgets a key on reset', async () => {
    const key = `test:${randomUUID()}`;
    await hitRateLimit(key, 1, 60_000);
    await resetRateLimit(key);
    expect((await hitRateLimit(key, 1, 60_000)).allowed).toBe(true);
  });
});
