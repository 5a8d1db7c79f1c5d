import { Prisma } from '../../generated/prisma/client.ts';
import { groupCommit } from '../../lib/group-commit.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError } from '../../http/errors.ts';

export type RateLimitResult = { allowed: boolean; count: number; retryAfterMs: number };

type Hit = { key: string; windowMs: number };

/**
 * Bumps the counters named by the statement's `demand` (columns "key", "hits", "windowSeconds") in one atomic
 * upsert per key on the database's clock; a key's window starts at its first hit. Yields "key", "total" (after
 * these hits) and "retryAfterMs" (until the window ends). Every rate limit counts through it, chat included.
 */
export const countDemand = Prisma.sql`
  INSERT INTO "RateLimitCounter" ("key", "count", "windowEndsAt")
  SELECT "key", "hits", clock_timestamp() + make_interval(secs => "windowSeconds") FROM demand
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "RateLimitCounter"."windowEndsAt" <= clock_timestamp() THEN EXCLUDED."count" ELSE "RateLimitCounter"."count" + EXCLUDED."count" END,
    "windowEndsAt" = CASE WHEN "RateLimitCounter"."windowEndsAt" <= clock_timestamp() THEN EXCLUDED."windowEndsAt" ELSE "RateLimitCounter"."windowEndsAt" END
  RETURNING "key", "count" AS "total",
    GREATEST(0, CEIL(EXTRACT(EPOCH FROM ("windowEndsAt" - clock_timestamp())) * 1000))::int AS "retryAfterMs"`;

/** A statement's worth; a busier moment waits for the next round trip. */
const MAX_BATCH = 500;

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL (one atomic upsert, the database's clock), so every backend instance sees the
 * same count. Hits that arrive while a statement is on its way are counted together in the next one (each gets
 * its own place in its key's count): a raid's thousands of guest passes cost a few round trips, not thousands.
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const { count, retryAfterMs } = await countHit({ key, windowMs });
  return { allowed: count <= limit, count, retryAfterMs: count <= limit ? 0 : retryAfterMs };
}

const countHit = groupCommit(countBatch, { maxBatch: MAX_BATCH });

async function countBatch(batch: Hit[]): Promise<Array<{ count: number; retryAfterMs: number }>> {
  // A key's window is set by its first hit of a window; hits of one key in one batch share it.
  const rows = await prisma.$queryRaw<Array<{ arrival: number; count: number; retryAfterMs: number }>>`
    WITH input AS (
      SELECT * FROM unnest(${batch.map((hit) => hit.key)}::text[], ${batch.map((hit) => hit.windowMs / 1000)}::float8[])
        WITH ORDINALITY AS t("key", "windowSeconds", "arrival")
    ), demand AS (
      SELECT "key", count(*)::int AS "hits", max("windowSeconds") AS "windowSeconds" FROM input GROUP BY "key"
    ), counted AS (${countDemand}
    )
    SELECT input."arrival"::int AS "arrival",
      (counted."total" - demand."hits" + row_number() OVER (PARTITION BY input."key" ORDER BY input."arrival"))::int AS "count",
      counted."retryAfterMs"
    FROM input JOIN counted USING ("key") JOIN demand USING ("key")`;
  const byArrival = new Map(rows.map((row) => [Number(row.arrival), row]));
  return batch.map((_, index) => {
    const row = byArrival.get(index + 1)!;
    return { count: row.count, retryAfterMs: row.retryAfterMs };
  });
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

export type Limit = { limit: number; windowMs: number };

/** "in a minute", "in 12 minutes": when a refused caller may try again. */
export function inMinutes(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? 'in a minute' : `in ${minutes} minutes`;
}

/** The 429 every limit answers: the sentence, and `retryAfterMs` (sent as Retry-After too). */
export function tooManyRequests(message: string, retryAfterMs: number): AppError {
  return new AppError(429, 'RATE_LIMITED', message, { retryAfterMs });
}

/** Counts a hit against `key`; over the limit, throws 429 with `message(when)` (e.g. "in 5 minutes"). */
export async function enforceRateLimit(
  key: string,
  { limit, windowMs }: Limit,
  message: (when: string) => string,
): Promise<void> {
  const result = await hitRateLimit(key, limit, windowMs);
  if (!result.allowed) throw tooManyRequests(message(inMinutes(result.retryAfterMs)), result.retryAfterMs);
}
