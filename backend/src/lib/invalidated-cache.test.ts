import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from './prisma.ts';
import { invalidatedCache } from './invalidated-cache.ts';

/** Two caches on one channel stand for two instances: each counts its loads per key. */
function instance(channel: string) {
  const loads = new Map<string, number>();
  const cache = invalidatedCache<{ owner: string }>({
    channel,
    max: 100,
    ttlMs: 60_000,
    tagsOf: (value) => [value.owner],
    load: async (key) => {
      loads.set(key, (loads.get(key) ?? 0) + 1);
      return { owner: key.split(':')[0]! };
    },
  });
  return { cache, loadsOf: (key: string) => loads.get(key) ?? 0 };
}

describe('an invalidated cache', () => {
  it('drops the entries one tag names, here and on every other instance, and keeps the rest', async () => {
    const channel = `test_cache_${randomBytes(4).toString('hex')}`;
    const [here, there] = [instance(channel), instance(channel)];
    const keys = ['alice:phone', 'alice:laptop', 'bob:phone'];
    for (const { cache } of [here, there]) for (const key of keys) await cache.get(key);

    await here.cache.invalidateTag(prisma, 'alice');
    for (const key of keys) await here.cache.get(key);
    expect(keys.map(here.loadsOf)).toEqual([2, 2, 1]);
    // The other instance hears of it through PostgreSQL.
    await expect
      .poll(
        async () => {
          for (const key of keys) await there.cache.get(key);
          return keys.map(there.loadsOf);
        },
        { interval: 50, timeout: 2000 },
      )
      .toEqual([2, 2, 1]);
  });
});
