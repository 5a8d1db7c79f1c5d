import { prisma } from '../../lib/prisma.ts';
import { computeSessionStats } from './analytics.stats.ts';
import type { SessionReport } from './analytics.schemas.ts';

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
