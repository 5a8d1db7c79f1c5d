import type { Prisma } from '../../generated/prisma/client.ts';
import type { Notification } from '@streamhouse/contract/events';
import { prisma } from '../../lib/prisma.ts';
import { notFound } from '../../http/errors.ts';
import { notify } from '../../lib/pg-listener.ts';
import type { NotificationList } from './notifications.schemas.ts';

type Tx = Prisma.TransactionClient;

/** PostgreSQL channel: "a broadcast's notifications were written" — each instance delivers them to its own readers. */
export const NOTIFICATIONS_CHANNEL = 'user_notifications';

export type NotificationRow = {
  id: string;
  userId: string;
  kind: 'go_live' | 'reminder';
  title: string;
  createdAt: Date;
  readAt: Date | null;
  hostId: string;
  hostUsername: string;
  hostName: string;
  hostImage: string | null;
};

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    host: { id: row.hostId, username: row.hostUsername, name: row.hostName, image: row.hostImage },
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * A broadcast started: every follower of the host, and everyone who asked to be reminded of it, gets one
 * notification, in ONE set-based statement (no loop in Node, however many followers). Followers who muted the host
 * are left out (a reminder was asked for, so it comes anyway), and so is anyone on either side of a block. The
 * unique (userId, sessionId) makes it once per broadcast per user: a follower with a reminder gets one, and a
 * repeated go-live of the same session (webhook retries, reconciliation) writes nothing more. Reminders are used
 * up. Inside the go-live transaction: the rows and the NOTIFY commit with the live state.
 * Returns how many notifications were written.
 */
export async function fanOutGoLive(
  tx: Tx,
  broadcast: { hostId: string; sessionId: string; title: string; at: Date },
): Promise<number> {
  const { hostId, sessionId, title, at } = broadcast;
  const written = await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "hostId", "sessionId", "kind", "title", "createdAt")
    SELECT gen_random_uuid()::text, audience."userId", ${hostId}, ${sessionId}, audience."kind"::"NotificationKind", ${title}, ${at}
    FROM (
      SELECT f."followerId" AS "userId", 'go_live' AS "kind"
      FROM "Follow" f
      WHERE f."followingId" = ${hostId}
        AND NOT EXISTS (SELECT 1 FROM "NotificationMute" m WHERE m."userId" = f."followerId" AND m."hostId" = ${hostId})
      UNION ALL
      SELECT r."userId", 'reminder' FROM "StreamReminder" r WHERE r."hostId" = ${hostId}
    ) AS audience
    WHERE NOT EXISTS (
      SELECT 1 FROM "Block" b
      WHERE (b."blockerId" = ${hostId} AND b."blockedId" = audience."userId")
         OR (b."blockerId" = audience."userId" AND b."blockedId" = ${hostId}))
    ON CONFLICT ("userId", "sessionId") DO NOTHING`;
  await tx.streamReminder.deleteMany({ where: { hostId } });
  if (written > 0) await notify(tx, NOTIFICATIONS_CHANNEL, JSON.stringify({ sessionId }));
  return written;
}

export async function hasReminder(userId: string, hostId: string): Promise<boolean> {
  return Boolean(
    await prisma.streamReminder.findUnique({ where: { userId_hostId: { userId, hostId } }, select: { hostId: true } }),
  );
}

/** Idempotent both ways. */
export async function setReminder(userId: string, hostId: string, reminded: boolean): Promise<{ reminded: boolean }> {
  if (reminded) await prisma.streamReminder.createMany({ data: [{ userId, hostId }], skipDuplicates: true });
  else await prisma.streamReminder.deleteMany({ where: { userId, hostId } });
  return { reminded };
}

/** The notifications of one broadcast that belong to the given users, each with its owner's unread count after it. */
export async function notificationsOfSession(
  sessionId: string,
  userIds: string[],
): Promise<Array<NotificationRow & { unreadCount: number }>> {
  if (!userIds.length) return [];
  return prisma.$queryRaw`
    SELECT n."id", n."userId", n."kind"::text AS "kind", n."title", n."createdAt", n."readAt",
           u."id" AS "hostId", u."displayUsername" AS "hostUsername", u."name" AS "hostName", u."image" AS "hostImage",
           (SELECT COUNT(*)::int FROM "Notification" c WHERE c."userId" = n."userId" AND c."readAt" IS NULL) AS "unreadCount"
    FROM "Notification" n JOIN "User" u ON u."id" = n."hostId"
    WHERE n."sessionId" = ${sessionId} AND n."userId" = ANY(${userIds}::text[])`;
}

async function countUnread(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** The owner's notifications, newest first. */
export async function listNotifications(userId: string, page: { limit: number; before?: string }): Promise<NotificationList> {
  const rows = await prisma.notification.findMany({
    where: { userId, ...(page.before && { createdAt: { lt: new Date(page.before) } }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.limit + 1,
    select: {
      id: true,
      userId: true,
      kind: true,
      title: true,
      createdAt: true,
      readAt: true,
      host: { select: { id: true, displayUsername: true, name: true, image: true } },
    },
  });
  const hasMore = rows.length > page.limit;
  const notifications = rows.slice(0, page.limit).map((row) =>
    toNotification({
      ...row,
      hostId: row.host.id,
      hostUsername: row.host.displayUsername,
      hostName: row.host.name,
      hostImage: row.host.image,
    }),
  );
  return {
    notifications,
    unreadCount: await countUnread(userId),
    nextBefore: hasMore ? (notifications.at(-1)?.createdAt ?? null) : null,
  };
}

/** Marks one of the owner's notifications read; someone else's id is answered exactly like an unknown one (404). */
export async function markRead(userId: string, id: string): Promise<{ unreadCount: number }> {
  const changed = await prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  if (changed.count === 0) {
    // Already read stays a success; only a missing (or not-yours) id is 404.
    const own = await prisma.notification.findFirst({ where: { id, userId }, select: { id: true } });
    if (!own) throw notFound('There is no such notification.');
  }
  return { unreadCount: await countUnread(userId) };
}

export async function markAllRead(userId: string): Promise<{ unreadCount: number }> {
  await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return { unreadCount: 0 };
}

export async function isMuted(userId: string, hostId: string): Promise<boolean> {
  return Boolean(
    await prisma.notificationMute.findUnique({ where: { userId_hostId: { userId, hostId } }, select: { hostId: true } }),
  );
}

/** Idempotent both ways. */
export async function setMuted(userId: string, hostId: string, muted: boolean): Promise<{ muted: boolean }> {
  if (muted) await prisma.notificationMute.createMany({ data: [{ userId, hostId }], skipDuplicates: true });
  else await prisma.notificationMute.deleteMany({ where: { userId, hostId } });
  return { muted };
}
