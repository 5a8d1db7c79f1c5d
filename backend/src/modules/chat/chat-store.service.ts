import type { ChatMessage } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { groupCommit } from '../../lib/group-commit.ts';
import { sortableId } from '../../lib/sortable-id.ts';
import { countDemand } from '../rate-limit/rate-limit.service.ts';
import { storeBatchSize } from './chat-metrics.ts';

/** A message to store: the columns the sender's request decides. */
export type MessageToStore = Omit<ChatMessage, 'id' | 'createdAt' | 'deletedAt'>;
export type StoreOutcome = { row: ChatMessage; retryAfterMs: 0 } | { row: null; retryAfterMs: number };

type Waiting = { id: string; rateKey: string; limit: number; data: MessageToStore };

/** A statement's worth; a busier moment waits for the next round trip. */
const MAX_BATCH = 500;

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
  return storeInBatch({ id: sortableId(), rateKey: rate.key, limit: rate.perSecond, data });
}

const storeInBatch = groupCommit(storeBatch, { maxBatch: MAX_BATCH, onBatch: (size) => storeBatchSize.observe(size) });

async function storeBatch(batch: Waiting[]): Promise<StoreOutcome[]> {
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
      SELECT "rateKey" AS "key", count(*)::int AS "hits", 1::float8 AS "windowSeconds" FROM input GROUP BY "rateKey"
    ), hit AS (${countDemand}
    ), placed AS (
      SELECT input.*, hit."retryAfterMs",
        hit."total" - demand."hits" + row_number() OVER (PARTITION BY input."rateKey" ORDER BY input."arrival") AS "place"
      FROM input JOIN hit ON hit."key" = input."rateKey" JOIN demand ON demand."key" = input."rateKey"
    ), stored AS (
      INSERT INTO "ChatMessage" ("id", "hostId", "senderIdentity", "senderUserId", "senderName", "color", "isGuest", "senderNetwork", "body", "createdAt")
      SELECT "id", "hostId", "senderIdentity", "senderUserId", "senderName", "color", "isGuest", "senderNetwork", "body", batch."at"
      FROM placed, batch WHERE "place" <= "limit"
      RETURNING "id", "createdAt"
    )
    SELECT placed."id", placed."retryAfterMs", stored."createdAt" FROM placed LEFT JOIN stored USING ("id")`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return batch.map((request): StoreOutcome => {
    const row = byId.get(request.id);
    if (!row) return { row: null, retryAfterMs: 1000 };
    return row.createdAt
      ? { row: { ...request.data, id: row.id, createdAt: row.createdAt, deletedAt: null }, retryAfterMs: 0 }
      : { row: null, retryAfterMs: Math.max(1, row.retryAfterMs) };
  });
}
