import { prisma } from '../../lib/prisma.ts';

export type RateLimitResult = { allowed: boolean; count: number; retryAfterMs: number };

type Hit = {
  key: string;
  windowMs: number;
  settle: (counted: { count: number; retryAfterMs: number }) => void;
  fail: (error: unknown) => void;
};

/** A statement's worth; a busier moment waits for the next round trip. */
const MAX_BATCH = 500;
let waiting: Hit[] = [];
let flushing = false;

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL (one atomic upsert, the database's clock), so every backend instance sees the
 * same count. Hits that arrive while a statement is on its way are counted together in the next one (each gets
 * its own place in its key's count): a raid's thousands of guest passes cost a few round trips, not thousands.
 */
export function hitRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  return new Promise<{ count: number; retryAfterMs: number }>((settle, fail) => {
    waiting.push({ key, windowMs, settle, fail });
    if (!flushing) void flush();
  }).then(({ count, retryAfterMs }) => ({ allowed: count <= limit, count, retryAfterMs: count <= limit ? 0 : retryAfterMs }));
}

async function flush(): Promise<void> {
  flushing = true;
  // Let the requests already parsed in this turn of the event loop join the first statement.
  await new Promise((resolve) => setImmediate(resolve));
  while (waiting.length) {
    const batch = waiting.slice(0, MAX_BATCH);
    waiting = waiting.slice(MAX_BATCH);
    try {
      const counted = await countBatch(batch);
      batch.forEach((hit, index) => hit.settle(counted[index]!));
    } catch (error) {
      for (const hit of batch) hit.fail(error);
    }
  }
  flushing = false;
}

async function countBatch(batch: Hit[]): Promise<Array<{ count: number; retryAfterMs: number }>> {
  // A key's window is set by its first hit of a window; hits of one key in one batch share it.
  const rows = await prisma.$queryRaw<Array<{ arrival: number; count: number; retryAfterMs: number }>>`
    WITH input AS (
      SELECT * FROM unnest(${batch.map((hit) => hit.key)}::text[], ${batch.map((hit) => hit.windowMs / 1000)}::float8[])
        WITH ORDINALITY AS t("key", "windowSeconds", "arrival")
    ), demand AS (
      SELECT "key", count(*)::int AS "hits", max("windowSeconds") AS "windowSeconds" FROM input GROUP BY "key"
    ), counted AS (
      INSERT INTO "RateLimitCounter" ("key", "count", "windowEndsAt")
      SELECT "key", "hits", clock_timestamp() + make_interval(secs => "windowSeconds") FROM demand
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimitCounter"."windowEndsAt" <= clock_timestamp() THEN EXCLUDED."count" ELSE "RateLimitCounter"."count" + EXCLUDED."count" END,
        "windowEndsAt" = CASE WHEN "RateLimitCounter"."windowEndsAt" <= clock_timestamp() THEN EXCLUDED."windowEndsAt" ELSE "RateLimitCounter"."windowEndsAt" END
      RETURNING "key", "count" AS "total",
        GREATEST(0, CEIL(EXTRACT(EPOCH FROM ("windowEndsAt" - clock_timestamp())) * 1000))::int AS "retryAfterMs"
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
