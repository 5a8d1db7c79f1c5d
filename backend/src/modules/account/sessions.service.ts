import { notFound } from '../../http/errors.ts';
import { prisma } from '../../lib/prisma.ts';
import { forgetCachedSessions } from '../auth/auth.service.ts';
import type { AccountSession } from './account.schemas.ts';
import { describeUserAgent } from './user-agent.ts';

/** The user's sessions that have not expired: this one first, then the most recently active. */
export async function listSessions(userId: string, currentSessionId: string): Promise<AccountSession[]> {
  const rows = await prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, userAgent: true, createdAt: true, updatedAt: true },
  });
  const sessions = rows.map((row) => ({
    id: row.id,
    device: describeUserAgent(row.userAgent),
    signedInAt: row.createdAt.toISOString(),
    lastActiveAt: row.updatedAt.toISOString(),
    current: row.id === currentSessionId,
  }));
  return [...sessions.filter((session) => session.current), ...sessions.filter((session) => !session.current)];
}

/** Signs one of the user's sessions out (404 when it is not theirs, or already gone). */
export async function endSession(userId: string, sessionId: string): Promise<void> {
  const { count } = await prisma.session.deleteMany({ where: { id: sessionId, userId } });
  if (!count) throw notFound('That session has already ended.');
  await forgetCachedSessions(userId);
}

/** Signs out every session of the user but `keepSessionId`; how many ended. */
export async function endOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  if (count) await forgetCachedSessions(userId);
  return count;
}
