import { env } from './config/env.ts';
import { logger } from './lib/logger.ts';
import { prisma } from './lib/prisma.ts';
import { createApp } from './app.ts';
import { closeLiveEvents } from './modules/live/live-events.service.ts';
import { startScheduledJobs } from './jobs.ts';

const SHUTDOWN_GRACE_MS = 10_000;

const server = createApp().listen(env.PORT, env.HOST, () => {
  logger.info(`backend listening on http://${env.HOST}:${env.PORT}`);
});

const stopJobs = startScheduledJobs();

let shuttingDown = false;
function shutDown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'shutting down');
  // Stop taking connections, let in-flight requests finish, then release the database.
  const force = setTimeout(() => {
    logger.warn('forced exit after grace period');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  stopJobs();
  // Open event streams would keep the server from closing.
  void closeLiveEvents();
  server.close(async () => {
    await prisma.$disconnect();
    process.exit(0);
  });
  server.closeIdleConnections();
}

process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
