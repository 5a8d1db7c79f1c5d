import { env } from './config/env.ts';
import { logger } from './lib/logger.ts';
import { prisma } from './lib/prisma.ts';
import { beginShutdown, closeConnections } from './lib/shutdown.ts';
import { createApp } from './app.ts';
import { closeLiveEvents } from './modules/live/live-events.service.ts';
import { startScheduledJobs } from './jobs.ts';

const server = createApp().listen(env.PORT, env.HOST, () => {
  logger.info(`backend listening on http://${env.HOST}:${env.PORT}`);
});

// Idle keep-alive connections stay open longer than a balancer's or client's (60 s is common): with Node's 5 s
// default, a client reusing a connection the server is just closing gets ECONNRESET (seen in the e2e runs).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

const stopJobs = startScheduledJobs();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM: /ready answers 503 at once and, for SHUTDOWN_DRAIN_SECONDS, requests are still served while balancers
 * notice; then no new connections are taken, event streams end with a spread reconnect hint, requests in flight
 * (a chat batch waiting on its commit included) finish, and the database is released. Whatever is still open
 * after SHUTDOWN_GRACE_SECONDS is cut.
 */
let shuttingDown = false;
async function shutDown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  beginShutdown();
  logger.info({ signal, drainSeconds: env.SHUTDOWN_DRAIN_SECONDS }, 'shutting down');
  const force = setTimeout(() => {
    logger.warn('forced exit after the grace period');
    process.exit(1);
  }, env.SHUTDOWN_GRACE_SECONDS * 1000);
  force.unref();
  await sleep(env.SHUTDOWN_DRAIN_SECONDS * 1000);
  stopJobs();
  server.close(async () => {
    await prisma.$disconnect();
    logger.info('shut down');
    process.exit(0);
  });
  closeConnections();
  await closeLiveEvents();
  server.closeIdleConnections();
}

process.on('SIGTERM', () => void shutDown('SIGTERM'));
process.on('SIGINT', () => void shutDown('SIGINT'));
