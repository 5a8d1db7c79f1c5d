import { logger } from './lib/logger.ts';
import { reconcileLiveState } from './modules/live/reconcile.service.ts';
import { pruneRateLimits } from './modules/rate-limit/rate-limit.service.ts';
import { collectOrphanUploads } from './modules/uploads/uploads.service.ts';
import { deleteExpiredReplays } from './modules/recordings/replay-retention.service.ts';

type Job = { name: string; everyMs: number; run: () => Promise<unknown> };

/**
 * Work every instance does on a timer. Each job is safe to run on several instances at once (they converge on
 * the same rows), so no leader election is needed.
 */
const JOBS: Job[] = [
  {
    // Live state compared with LiveKit's, to correct missed webhooks.
    name: 'reconcile live state',
    everyMs: 60_000,
    run: async () => {
      const report = await reconcileLiveState();
      if (report.wentLive.length || report.wentOffline.length) logger.info(report, 'live state corrected from LiveKit');
    },
  },
  { name: 'prune expired rate-limit counters', everyMs: 5 * 60_000, run: pruneRateLimits },
  { name: 'collect unused uploads', everyMs: 10 * 60_000, run: collectOrphanUploads },
  {
    // Replays past their creator's retention period, files included.
    name: 'delete expired replays',
    everyMs: 60 * 60_000,
    run: async () => {
      const deleted = await deleteExpiredReplays();
      if (deleted) logger.info({ deleted }, 'expired replays deleted');
    },
  },
];

/** Runs every job now and then on its interval; the returned function stops them. */
export function startScheduledJobs(): () => void {
  const timers = JOBS.map((job) => {
    const run = async () => {
      try {
        await job.run();
      } catch (error) {
        logger.warn({ err: error, job: job.name }, 'scheduled job failed; retrying at the next interval');
      }
    };
    void run();
    return setInterval(run, job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
