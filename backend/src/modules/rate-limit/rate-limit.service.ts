import { prisma } from '../../lib/prisma.ts';

export type RateLimitResult = { allowed: boolean; count: number; retryAfterMs: number };

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL (one atomic upsert, the database's clock), so every backend
 * instance sees the same count.
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const [row] = await prisma.$queryRaw<Array<{ count: number; retryAfterMs: number }>>`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowEndsAt")
    VALUES (${key}, 1, clock_timestamp() + make_interval(secs => ${windowMs / 1000}::float8))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowEndsAt" <= clock_timestamp() THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
      "windowEndsAt" = CASE WHEN "RateLimitCounter"."windowEndsAt" <= clock_timestamp() THEN EXCLUDED."windowEndsAt" ELSE "RateLimitCounter"."windowEndsAt" END
    RETURNING "count",
      GREATEST(0, CEIL(EXTRACT(EPOCH FROM ("windowEndsAt" - clock_timestamp())) * 1000))::int AS "retryAfterMs"`;
  const { count, retryAfterMs } = row!;
  return { allowed: count <= limit, count, retryAfterMs: count <= limit ? 0 : retryAfterMs };
}

/** Forgets a key's hits (e.g. after a successful sign-in). */
export async function resetRateLimit(key: string): Promise<void> {
  await prisma.rateLimitCounter.deleteMany({ where: { key } });
}

/** Drops counters whose window ended; called periodically. */
export async function pruneRateLimits(): Promise<number> {
  const { count } = await prisma.rateLimitCounter.deleteMany({ where: { windowEndsAt: { lt: new Date() } } });
  return count;
}
