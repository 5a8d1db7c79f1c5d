import { prisma } from '../../lib/prisma.ts';
import { notFound } from '../../http/errors.ts';
import { computeSessionStats, perMinute, sourceBreakdown, viewerTimeline } from './analytics.stats.ts';
import type { SessionDetail, SessionReport } from './analytics.schemas.ts';

/** The creator's most recent broadcasts with their viewer and chat figures. */
export async function listSessionReports(hostId: string, limit: number, now = new Date()): Promise<{ items: SessionReport[] }> {
  const sessions = await prisma.streamSession.findMany({
    where: { stream: { userId: hostId } },
    orderBy: { startedAt: 'desc' },
    take: limit,
    include: { presences: { select: { identity: true, joinedAt: true, leftAt: true } } },
  });
  const items = await Promise.all(
    sessions.map(async (session) => {
      const chatMessages = await prisma.chatMessage.count({
        where: { hostId, createdAt: { gte: session.startedAt, lte: session.endedAt ?? now } },
      });
      const stats = computeSessionStats(session, session.presences, now);
      return {
        id: session.id,
        startedAt: session.startedAt.toISOString(),
        endedAt: session.endedAt?.toISOString() ?? null,
        isLive: session.endedAt === null,
        chatMessages,
        ...stats,
        // The webhook-maintained peak can be higher if presences were missed.
        peakViewers: Math.max(stats.peakViewers, session.peakViewers),
      };
    }),
  );
  return { items };
}

/**
 * One broadcast's charts, for its creator only (someone else's id answers 404, as an unknown one does). Viewers
 * over time come from the presences (exact joins and leaves), chat per minute and new followers from their rows.
 */
export async function getSessionDetail(hostId: string, sessionId: string, now = new Date()): Promise<SessionDetail> {
  const session = await prisma.streamSession.findFirst({
    where: { id: sessionId, stream: { userId: hostId } },
    include: {
      presences: { select: { identity: true, joinedAt: true, leftAt: true, source: true } },
      stream: { select: { title: true } },
    },
  });
  if (!session) throw notFound('No such broadcast of yours.');
  const end = session.endedAt ?? now;
  const [chatRows, newFollowers] = await Promise.all([
    prisma.$queryRaw<Array<{ minute: number; count: number }>>`
      SELECT FLOOR((EXTRACT(EPOCH FROM "createdAt") * 1000 - ${session.startedAt.getTime()}) / 60000)::int AS "minute", COUNT(*)::int AS "count"
      FROM "ChatMessage"
      WHERE "hostId" = ${hostId} AND "createdAt" >= ${session.startedAt} AND "createdAt" <= ${end}
      GROUP BY 1`,
    prisma.follow.count({ where: { followingId: hostId, createdAt: { gte: session.startedAt, lte: end } } }),
  ]);
  const stats = computeSessionStats(session, session.presences, now);
  const chatMessages = chatRows.reduce((sum, row) => sum + row.count, 0);
  return {
    session: {
      id: session.id,
      startedAt: session.startedAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
      isLive: session.endedAt === null,
      chatMessages,
      ...stats,
      peakViewers: Math.max(stats.peakViewers, session.peakViewers),
    },
    title: session.stream.title,
    viewers: viewerTimeline(session, session.presences, now).map((point) => ({
      at: point.at.toISOString(),
      viewers: point.viewers,
    })),
    chatPerMinute: perMinute(chatRows, stats.durationSeconds),
    newFollowers,
    sources: [...sourceBreakdown(session.presences)]
      .map(([source, viewers]) => ({ source, viewers }))
      .sort((a, b) => b.viewers - a.viewers),
  };
}
