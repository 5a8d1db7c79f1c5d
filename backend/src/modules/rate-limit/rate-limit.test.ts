import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { prisma } from '../../lib/prisma.ts';
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

  it('counts concurrent hits exactly, each in its place, several keys in one statement', async () => {
    const crowded = `test:${randomUUID()}`;
    const quiet = `test:${randomUUID()}`;
    const statements = vi.spyOn(prisma, '$queryRaw');
    try {
      const results = await Promise.all([
        ...Array.from({ length: 20 }, () => hitRateLimit(crowded, 5, 60_000)),
        ...Array.from({ length: 3 }, () => hitRateLimit(quiet, 5, 60_000)),
      ]);
      expect(statements).toHaveBeenCalledTimes(1);
      expect(results.slice(0, 20).map((result) => result.count)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      expect(results.slice(0, 20).filter((result) => result.allowed)).toHaveLength(5);
      expect(results.slice(20).every((result) => result.allowed)).toBe(true);
    } finally {
      statements.mockRestore();
    }
    // The next statement continues the count.
    expect(await hitRateLimit(crowded, 5, 60_000)).toMatchObject({ allowed: false, count: 21 });
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
