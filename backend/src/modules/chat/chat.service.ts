import type { ChatMessage } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { notFound } from '../../http/errors.ts';
import { hitRateLimit } from '../rate-limit/rate-limit.service.ts';
import { colorForIdentity } from './chat-colors.ts';
import { publishChatEvent } from './chat-broadcast.service.ts';
import type { ChatSender } from './chat-sender.service.ts';
import { getChatRoom } from './chat-settings.service.ts';
import { storeWithinRate } from './chat-store.service.ts';
import { assertMayChat, badgeFor, chatStanding, slowModeRefusal, tooFast } from './chat-standing.service.ts';
import type { ChatMessage as ChatMessageView, SenderRole } from '@streamhouse/contract/events';
import type { ChatState, HistoryQuery } from './chat.schemas.ts';
import { assertGuestNameFree } from '../tokens/guest-names.service.ts';
import { countedSend } from './chat-metrics.ts';

/** At most this many messages per second per sender, in any room. */
const MESSAGES_PER_SECOND = 5;

export function toMessageView(row: ChatMessage, role: SenderRole): ChatMessageView {
  return {
    id: row.id,
    senderIdentity: row.senderIdentity,
    senderName: row.senderName,
    color: row.color,
    isGuest: row.isGuest,
    role,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Badges as they are now: the creator, and whoever the creator appointed. */
export async function roleLookup(hostId: string): Promise<(row: ChatMessage) => SenderRole> {
  const { moderatorIds } = await getChatRoom(hostId);
  return (row) =>
    row.senderUserId === hostId ? 'creator' : row.senderUserId && moderatorIds.has(row.senderUserId) ? 'moderator' : null;
}

type Db = Pick<typeof prisma, '$queryRaw'>;

/**
 * The database's clock and the sender's last accepted message in this room (deleted ones count too). A guest's
 * last message is the last one from their network, whatever identity they used.
 */
async function senderClock(db: Db, hostId: string, sender: ChatSender): Promise<{ nowMs: number; lastMs: number | null }> {
  const [row] = sender.network
    ? await db.$queryRaw<Array<{ nowMs: number; lastMs: number | null }>>`
        SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::float8 AS "nowMs",
          (SELECT EXTRACT(EPOCH FROM max("createdAt")) * 1000 FROM "ChatMessage"
            WHERE "hostId" = ${hostId} AND "senderNetwork" = ${sender.network})::float8 AS "lastMs"`
    : await db.$queryRaw<Array<{ nowMs: number; lastMs: number | null }>>`
        SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::float8 AS "nowMs",
          (SELECT EXTRACT(EPOCH FROM max("createdAt")) * 1000 FROM "ChatMessage"
            WHERE "hostId" = ${hostId} AND "senderIdentity" = ${sender.identity})::float8 AS "lastMs"`;
  return row!;
}

/** What rate limits and slow mode count: a signed-in user's account, a guest's network. */
export const senderKey = (sender: ChatSender) => (sender.network ? `net:${sender.network}` : sender.identity);

function slowModeWaitMs(clock: { nowMs: number; lastMs: number | null }, slowModeSeconds: number): number {
  if (!slowModeSeconds || clock.lastMs === null) return 0;
  return Math.max(0, Math.ceil(clock.lastMs + slowModeSeconds * 1000 - clock.nowMs));
}

type NewMessage = { hostId: string; sender: ChatSender; name: string; body: string };

function messageData({ hostId, sender, name, body }: NewMessage) {
  return {
    hostId,
    senderIdentity: sender.identity,
    senderUserId: sender.userId,
    senderName: name,
    color: colorForIdentity(sender.identity),
    isGuest: sender.isGuest,
    senderNetwork: sender.network,
    body,
  };
}

/**
 * Slow mode: the check and the insert run under a per-sender advisory lock, so two requests racing on
 * two backend instances cannot both pass; the times are the database's, so instances' clocks do not matter.
 */
async function storeWithSlowMode(message: NewMessage, slowModeSeconds: number): Promise<ChatMessage> {
  const rate = await hitRateLimit(`chat:message:${senderKey(message.sender)}`, MESSAGES_PER_SECOND, 1000);
  if (!rate.allowed) throw tooFast(rate.retryAfterMs);
  return prisma.$transaction(async (tx) => {
    const lockKey = `chat:${message.hostId}:${senderKey(message.sender)}`;
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
    const clock = await senderClock(tx, message.hostId, message.sender);
    const waitMs = slowModeWaitMs(clock, slowModeSeconds);
    if (waitMs > 0) throw slowModeRefusal(waitMs);
    return tx.chatMessage.create({ data: { ...messageData(message), createdAt: new Date(clock.nowMs) } });
  });
}

/**
 * Applies every rule, stores the message and queues it for the room (chat-broadcast.service.ts sends a busy
 * room's messages together). The answer does not wait for LiveKit: the message is stored, and the sender's own
 * panel shows it from this answer.
 */
export function sendChatMessage(input: {
  hostId: string;
  sender: ChatSender;
  body: string;
  guestName?: string;
}): Promise<ChatMessageView> {
  return countedSend(() => applyRulesAndSend(input));
}

async function applyRulesAndSend(input: Parameters<typeof sendChatMessage>[0]): Promise<ChatMessageView> {
  const { hostId, sender, body } = input;
  const room = await getChatRoom(hostId);
  const standing = await chatStanding(room, sender);
  assertMayChat(room, sender, standing);
  const name = sender.isGuest ? (input.guestName ?? sender.name) : sender.name;
  if (sender.isGuest && name !== sender.name) await assertGuestNameFree(hostId, name);
  const slowModeSeconds = standing.canModerate ? 0 : room.settings.slowModeSeconds;
  let row: ChatMessage;
  if (slowModeSeconds) row = await storeWithSlowMode({ hostId, sender, name, body }, slowModeSeconds);
  else {
    const stored = await storeWithinRate(
      { key: `chat:message:${senderKey(sender)}`, perSecond: MESSAGES_PER_SECOND },
      messageData({ hostId, sender, name, body }),
    );
    if (!stored.row) throw tooFast(stored.retryAfterMs);
    row = stored.row;
  }
  const message = toMessageView(row, badgeFor(standing));
  void publishChatEvent(hostId, { type: 'message', message });
  return message;
}

/**
 * Newest `limit` messages before a message (or the newest overall), returned oldest first — of the current
 * broadcast, or since the last one ended: an earlier broadcast's chat is its replay's, and follows the replay's
 * visibility (recordings module).
 */
export async function listChatMessages(
  hostId: string,
  query: HistoryQuery,
): Promise<{ messages: ChatMessageView[]; hasMore: boolean }> {
  const [room, roleOf, cursor] = await Promise.all([
    getChatRoom(hostId),
    roleLookup(hostId),
    query.before
      ? prisma.chatMessage.findFirst({ where: { id: query.before, hostId }, select: { id: true, createdAt: true } })
      : null,
  ]);
  if (query.before && !cursor) throw notFound('That message is not in this chat.');
  const rows = await prisma.chatMessage.findMany({
    where: {
      hostId,
      deletedAt: null,
      ...(room.historySince && { createdAt: { gte: room.historySince } }),
      ...(cursor && { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  return {
    messages: rows
      .slice(0, query.limit)
      .reverse()
      .map((row) => toMessageView(row, roleOf(row))),
    hasMore: rows.length > query.limit,
  };
}

/** What a chat panel needs when it opens: the rules, the pinned message and where this viewer stands. */
export async function getChatState(hostId: string, sender?: ChatSender): Promise<ChatState> {
  const room = await getChatRoom(hostId);
  const [pinnedRow, standing, clock, roleOf] = await Promise.all([
    room.pinnedMessageId ? prisma.chatMessage.findFirst({ where: { id: room.pinnedMessageId, hostId, deletedAt: null } }) : null,
    sender ? chatStanding(room, sender) : undefined,
    sender ? senderClock(prisma, hostId, sender) : undefined,
    roleLookup(hostId),
  ]);
  const pinned = pinnedRow ? toMessageView(pinnedRow, roleOf(pinnedRow)) : null;
  if (!sender || !standing || !clock) return { settings: room.settings, pinned, viewer: null };
  const restriction = standing.restriction;
  return {
    settings: room.settings,
    pinned,
    viewer: {
      identity: sender.identity,
      name: sender.name,
      isGuest: sender.isGuest,
      isOwner: standing.isOwner,
      canModerate: standing.canModerate,
      isFollowing: standing.isFollowing,
      restriction: restriction && {
        reason: restriction.reason,
        expiresAt: restriction.reason === 'TIMED_OUT' ? restriction.expiresAt.toISOString() : null,
      },
      slowModeRetryAfterMs: standing.canModerate ? 0 : slowModeWaitMs(clock, room.settings.slowModeSeconds),
    },
  };
}
