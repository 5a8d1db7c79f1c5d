import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import type { LiveEventType } from '@streamhouse/contract/events';
import type { ViewerSource } from '@streamhouse/contract';
import { publishLiveEvent } from './live-events.service.ts';
import { publicChannelChanged } from '../discovery/discovery.service.ts';
import { fanOutGoLive } from '../notifications/notifications.service.ts';
import { roomChanged } from '../chat/chat-settings.service.ts';

/**
 * The one writer of live state (isLive, startedAt, viewerCount, sessions and presences). Webhooks and the
 * reconciliation both come through here, each change inside a transaction that holds the stream's row lock,
 * and each change tells browsers through publishLiveEvent (delivered when the transaction commits).
 */

type Tx = Prisma.TransactionClient;

export type LockedStream = {
  id: string;
  userId: string;
  username: string;
  title: string;
  isLive: boolean;
  startedAt: Date | null;
  viewerCount: number;
  lastEventAt: Date | null;
};

async function selectForUpdate(tx: Tx, hostId: string): Promise<LockedStream | undefined> {
  const [row] = await tx.$queryRaw<LockedStream[]>`
    SELECT s."id", s."userId", u."displayUsername" AS "username", s."title", s."isLive", s."startedAt",
           s."viewerCount", s."lastEventAt"
    FROM "Stream" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."userId" = ${hostId}
    FOR UPDATE OF s`;
  return row;
}

/** Locks the host's stream row (inside a transaction), creating it on first use; undefined when no such user exists. */
export async function lockStream(tx: Tx, hostId: string): Promise<LockedStream | undefined> {
  const existing = await selectForUpdate(tx, hostId);
  if (existing) return existing;
  await tx.$executeRaw`
    INSERT INTO "Stream" ("id", "userId", "updatedAt")
    SELECT ${randomUUID()}, u."id", now() FROM "User" u WHERE u."id" = ${hostId}
    ON CONFLICT ("userId") DO NOTHING`;
  return selectForUpdate(tx, hostId);
}

/** Runs `change` with the host's stream locked; undefined (nothing done) when the room is not a user's. */
export async function withLockedStream<T>(
  hostId: string,
  change: (tx: Tx, stream: LockedStream) => Promise<T>,
): Promise<T | undefined> {
  return prisma.$transaction(async (tx) => {
    const stream = await lockStream(tx, hostId);
    return stream ? change(tx, stream) : undefined;
  });
}

async function announce(tx: Tx, type: LiveEventType, stream: LockedStream, changes: Partial<LockedStream>): Promise<void> {
  const next = { ...stream, ...changes };
  await publishLiveEvent(
    {
      type,
      hostId: next.userId,
      username: next.username,
      isLive: next.isLive,
      viewerCount: next.viewerCount,
      startedAt: next.isLive ? (next.startedAt?.toISOString() ?? null) : null,
      title: next.title,
    },
    tx,
  );
  // Lists and watch pages read a second-long cache; a change of state (not just of the count) drops it at once.
  if (type !== 'stream.updated' || changes.title !== undefined) await publicChannelChanged(next.username, tx);
}

async function openSession(tx: Tx, streamId: string) {
  return tx.streamSession.findFirst({ where: { streamId, endedAt: null }, orderBy: { startedAt: 'desc' } });
}

/** Starts a broadcast: a new session, with presences for the viewers already waiting in the room. */
export async function goLive(tx: Tx, stream: LockedStream, at: Date, viewersInRoom: string[]): Promise<boolean> {
  if (stream.isLive) return false;
  await tx.streamSession.updateMany({ where: { streamId: stream.id, endedAt: null }, data: { endedAt: at } });
  const session = await tx.streamSession.create({
    data: { streamId: stream.id, startedAt: at, peakViewers: viewersInRoom.length },
  });
  if (viewersInRoom.length)
    await tx.viewerPresence.createMany({
      data: viewersInRoom.map((identity) => ({ sessionId: session.id, identity, joinedAt: at })),
    });
  const changes = { isLive: true, startedAt: at, viewerCount: viewersInRoom.length };
  await tx.stream.update({ where: { id: stream.id }, data: changes });
  // The live chat history now starts with this broadcast (the earlier one's chat is its replay's).
  await roomChanged(stream.userId, tx);
  // An announced next stream whose time has come is done: going live clears it (a later one stays).
  await tx.stream.updateMany({
    where: { id: stream.id, scheduledAt: { lte: at } },
    data: { scheduledAt: null, scheduledTitle: null, scheduledCategoryId: null },
  });
  // Followers hear of it once per broadcast (this session), in the same transaction as the live state.
  await fanOutGoLive(tx, { hostId: stream.userId, sessionId: session.id, title: stream.title, at });
  await announce(tx, 'stream.live', stream, changes);
  return true;
}

/** Ends the broadcast: closes the session and every presence in it. */
export async function goOffline(tx: Tx, stream: LockedStream, at: Date): Promise<boolean> {
  if (!stream.isLive) return false;
  // Clocks are per second; never end a session before it began.
  const endedAt = stream.startedAt && at < stream.startedAt ? stream.startedAt : at;
  const sessions = await tx.streamSession.findMany({ where: { streamId: stream.id, endedAt: null }, select: { id: true } });
  const sessionIds = sessions.map((session) => session.id);
  await tx.viewerPresence.updateMany({ where: { sessionId: { in: sessionIds }, leftAt: null }, data: { leftAt: endedAt } });
  await tx.streamSession.updateMany({ where: { id: { in: sessionIds } }, data: { endedAt } });
  const changes = { isLive: false, startedAt: null, viewerCount: 0 };
  await tx.stream.update({ where: { id: stream.id }, data: changes });
  await roomChanged(stream.userId, tx);
  await announce(tx, 'stream.offline', stream, changes);
  return true;
}

/** Recounts the open presences of the session, keeps the peak, and tells browsers when the count moved. */
async function refreshViewerCount(tx: Tx, stream: LockedStream, sessionId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ count: number }>>`
    SELECT COUNT(DISTINCT "identity")::int AS "count" FROM "ViewerPresence" WHERE "sessionId" = ${sessionId} AND "leftAt" IS NULL`;
  const count = rows[0]?.count ?? 0;
  await tx.$executeRaw`UPDATE "StreamSession" SET "peakViewers" = GREATEST("peakViewers", ${count}) WHERE "id" = ${sessionId}`;
  if (count === stream.viewerCount) return;
  await tx.stream.update({ where: { id: stream.id }, data: { viewerCount: count } });
  await announce(tx, 'stream.updated', stream, { viewerCount: count });
}

export async function viewerJoined(
  tx: Tx,
  stream: LockedStream,
  identity: string,
  at: Date,
  source: ViewerSource | null = null,
): Promise<void> {
  if (!stream.isLive) return;
  const session = await openSession(tx, stream.id);
  if (!session) return;
  const latest = await tx.viewerPresence.findFirst({ where: { sessionId: session.id, identity }, orderBy: { joinedAt: 'desc' } });
  if (latest && latest.leftAt === null) return;
  // A join older than this viewer's last leave is a late delivery: they are already gone.
  if (latest?.leftAt && latest.leftAt > at) return;
  await tx.viewerPresence.create({
    data: { sessionId: session.id, identity, joinedAt: at < session.startedAt ? session.startedAt : at, source },
  });
  await refreshViewerCount(tx, stream, session.id);
}

export async function viewerLeft(tx: Tx, stream: LockedStream, identity: string, at: Date): Promise<void> {
  if (!stream.isLive) return;
  const session = await openSession(tx, stream.id);
  if (!session) return;
  const closed = await tx.$executeRaw`
    UPDATE "ViewerPresence" SET "leftAt" = GREATEST("joinedAt", ${at})
    WHERE "sessionId" = ${session.id} AND "identity" = ${identity} AND "leftAt" IS NULL`;
  if (closed) await refreshViewerCount(tx, stream, session.id);
}

/** Makes the open presences match who LiveKit says is in the room (reconciliation after missed webhooks). */
export async function syncViewers(tx: Tx, stream: LockedStream, viewersInRoom: string[], at: Date): Promise<void> {
  if (!stream.isLive) return;
  const session = await openSession(tx, stream.id);
  if (!session) return;
  const open = await tx.viewerPresence.findMany({ where: { sessionId: session.id, leftAt: null }, select: { identity: true } });
  const openIdentities = new Set(open.map((presence) => presence.identity));
  const present = new Set(viewersInRoom);
  const gone = [...openIdentities].filter((identity) => !present.has(identity));
  const arrived = [...present].filter((identity) => !openIdentities.has(identity));
  if (gone.length)
    await tx.viewerPresence.updateMany({
      where: { sessionId: session.id, identity: { in: gone }, leftAt: null },
      data: { leftAt: at },
    });
  if (arrived.length)
    await tx.viewerPresence.createMany({ data: arrived.map((identity) => ({ sessionId: session.id, identity, joinedAt: at })) });
  await refreshViewerCount(tx, stream, session.id);
}

/** Marks the time of the newest live-state change applied, so older deliveries are recognised as stale. */
export async function markApplied(tx: Tx, stream: LockedStream, at: Date): Promise<void> {
  await tx.stream.update({ where: { id: stream.id }, data: { lastEventAt: at } });
}
