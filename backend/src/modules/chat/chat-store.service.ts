import type { ChatMessage } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { sortableId } from '../../lib/sortable-id.ts';
import { storeBatchSize } from './chat-metrics.ts';

/** A message to store: the columns the sender's request decides. */
export type MessageToStore = Omit<ChatMessage, 'id' | 'createdAt' | 'deletedAt'>;
export type StoreOutcome = { row: ChatMessage; retryAfterMs: 0 } | { row: null; retryAfterMs: number };

type Waiting = {
  id: string;
  rateKey: string;
  limit: number;
  data: MessageToStore;
  settle: (outcome: StoreOutcome) => void;
  fail: (error: unknown) => void;
};

/** A statement's worth; a busier moment waits for the next round trip. */
const MAX_BATCH = 500;

let waiting: Waiting[] = [];
let flushing = false;

/**
 * Group commit. Every message needs the sender's rate counter and an insert; one statement (and one WAL flush)
 * per message capped a busy chat at the database's commits per second. Messages that arrive while a statement
 * is on its way go together in the next one: counters are bumped once per sender by how many that sender sent,
 * each message gets its place in its sender's count, and those within the limit are stored. A batch shares one
 * time; its ids sort in arrival order (UUIDv7), so history (time, then id) shows it as the room received it.
 * A quiet room still pays one round trip per message, with no added delay. The counter stays in PostgreSQL, so
 * every backend instance enforces the same limit.
 */
export function storeWithinRate(rate: { key: string; perSecond: number }, data: MessageToStore): Promise<StoreOutcome> {
  return new Promise((settle, fail) => {
    waiting.push({ id: sortableId(), rateKey: rate.key, limit: rate.perSecond, data, settle, fail });
    if (!flushing) void flush();
  });
}

async function flush(): Promise<void> {
  flushing = true;
  // Let the requests already parsed in this turn of the event loop join the first statement.
  await new Promise((resolve) => setImmediate(resolve));
  while (waiting.length) {
    const batch = waiting.slice(0, MAX_BATCH);
    waiting = waiting.slice(MAX_BATCH);
    storeBatchSize.observe(batch.length);
    try {
      const outcomes = await storeBatch(batch);
      for (const each of batch) each.settle(outcomes.get(each.id) ?? { row: null, retryAfterMs: 1000 });
    } catch (error) {
      for (const each of batch) each.fail(error);
    }
  }
  flushing = false;
}

async function storeBatch(batch: Waiting[]): Promise<Map<string, StoreOutcome>> {
  const column = <T>(pick: (each: Waiting) => T) => batch.map(pick);
  const rows = await prisma.$queryRaw<Array<{ id: string; retryAfterMs: number; createdAt: Date | null }>>`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((each) => each.id)}::text[], ${column((each) => each.rateKey)}::text[], ${column((each) => each.limit)}::int[],
        ${column((each) => each.data.hostId)}::text[], ${column((each) => each.data.senderIdentity)}::text[],
        ${column((each) => each.data.senderUserId)}::text[], ${column((each) => each.data.senderName)}::text[],
        ${column((each) => each.data.color)}::text[], ${column((each) => each.data.isGuest)}::boolean[],
        ${column((each) => each.data.senderNetwork)}::text[], ${column((each) => each.data.body)}::text[]
      ) WITH ORDINALITY AS t("id", "rateKey", "limit", "hostId", "senderIdentity", "senderUserId", "senderName", "color", "isGuest", "senderNetwork", "body", "arrival")
    ), batch AS (
      SELECT clock_timestamp() AS "at"
    ), demand AS (
      SELECT "rateKey", count(*)::int AS "sent" FROM input GROUP BY "rateKey"
    ), hit AS (
      INSERT INTO "RateLimitCounter" ("key", "count", "windowEndsAt")
      SELECT "rateKey", "sent", clock_timestamp() + interval '1 second' FROM demand
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimitCounter"."windowEndsAt" <= clock_timestamp() THEN EXCLUDED."count" ELSE "RateLimitCounter"."count" + EXCLUDED."count" END,
        "windowEndsAt" = CASE WHEN "RateLimitCounter"."windowEndsAt" <= clock_timestamp() THEN EXCLUDED."windowEndsAt" ELSE "RateLimitCounter"."windowEndsAt" END
      RETURNING "key" AS "rateKey", "count" AS "total",
        GREATEST(0, CEIL(EXTRACT(EPOCH FROM ("windowEndsAt" - clock_timestamp())) * 1000))::int AS "retryAfterMs"
    ), placed AS (
      SELECT input.*, hit."retryAfterMs",
        hit."total" - demand."sent" + row_number() OVER (PARTITION BY input."rateKey" ORDER BY input."arrival") AS "place"
      FROM input JOIN hit USING ("rateKey") JOIN demand USING ("rateKey")
    ), stored AS (
      INSERT INTO "ChatMessage" ("id", "hostId", "senderIdentity", "senderUserId", "senderName", "color", "isGuest", "senderNetwork", "body", "createdAt")
      SELECT "id", "hostId", "senderIdentity", "senderUserId", "senderName", "color", "isGuest", "senderNetwork", "body", batch."at"
      FROM placed, batch WHERE "place" <= "limit"
      RETURNING "id", "createdAt"
    )
    SELECT placed."id", placed."retryAfterMs", stored."createdAt" FROM placed LEFT JOIN stored USING ("id")`;
  const byId = new Map(batch.map((each) => [each.id, each]));
  const outcomes = new Map<string, StoreOutcome>();
  for (const row of rows) {
    const request = byId.get(row.id)!;
    outcomes.set(
      row.id,
      row.createdAt
        ? { row: { ...request.data, id: row.id, createdAt: row.createdAt, deletedAt: null }, retryAfterMs: 0 }
        : { row: null, retryAfterMs: Math.max(1, row.retryAfterMs) },
    );
  }
  return outcomes;
}
