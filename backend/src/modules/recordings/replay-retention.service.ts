import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { storage } from './recordings.storage.ts';
import { OPEN_STATUSES } from './recording-states.ts';

/** Deleting replays: by their creator, and by the retention period a creator chose. */

/**
 * Removes a replay's files, then its row. Idempotent: files already gone are fine, and of two removals at once
 * (two clicks, two instances, the retention job) one deletes the row and the other finds it gone (false).
 */
async function removeReplay(row: { id: string; fileKey: string; snapshotPrefix: string }): Promise<boolean> {
  // Files first: a failure leaves the row, so the deletion can be retried.
  await storage.removeAll(row.fileKey);
  await storage.removeAll(row.snapshotPrefix.slice(0, row.snapshotPrefix.lastIndexOf('/')));
  return (await prisma.replay.deleteMany({ where: { id: row.id } })).count > 0;
}

export async function deleteReplay(userId: string, id: string): Promise<void> {
  const gone = notFound('This replay does not exist or was deleted.');
  const row = await prisma.replay.findUnique({
    where: { id },
    select: { id: true, hostId: true, status: true, fileKey: true, snapshotPrefix: true },
  });
  if (!row || row.hostId !== userId) throw gone;
  if (OPEN_STATUSES.includes(row.status))
    throw new AppError(409, 'CONFLICT', 'This broadcast is still being recorded; delete it once it has ended.');
  if (!(await removeReplay(row))) throw gone;
}

/**
 * Every recording and snapshot of a creator (their files all live under their id), for a deleted account. Also
 * for a recorder that finished writing after the account went (its report finds no replay).
 */
export async function removeRecordingsOf(hostId: string): Promise<void> {
  await storage.removeAll(hostId);
}

/** Deletes replays older than their creator's retention period (scheduled, and when the period is shortened). */
export async function deleteExpiredReplays(options: { userId?: string } = {}): Promise<number> {
  const creators = await prisma.replaySettings.findMany({
    where: { retentionDays: { not: null }, ...(options.userId && { userId: options.userId }) },
    select: { userId: true, retentionDays: true },
  });
  let deleted = 0;
  for (const { userId, retentionDays } of creators) {
    const expired = await prisma.replay.findMany({
      where: {
        hostId: userId,
        status: { in: ['READY', 'FAILED'] },
        createdAt: { lt: new Date(Date.now() - retentionDays! * 86_400_000) },
      },
      select: { id: true, fileKey: true, snapshotPrefix: true },
    });
    for (const row of expired) {
      // One replay that cannot be removed now (storage down) is retried next hour; the others still go.
      try {
        if (await removeReplay(row)) deleted += 1;
      } catch (error) {
        logger.warn({ err: error, replayId: row.id }, 'an expired replay could not be removed; retrying later');
      }
    }
  }
  return deleted;
}
