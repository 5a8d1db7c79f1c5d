import { Router } from 'express';
import { checkReadiness } from './health.service.ts';

export const healthRouter = Router();

/** Liveness: the process answers. */
healthRouter.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

/** Readiness: PostgreSQL and LiveKit both answer; 503 names the one that did not. */
healthRouter.get('/ready', async (_req, res) => {
  const report = await checkReadiness();
  if (report.ready) {
    res.json({ status: 'ready', checks: report.checks });
    return;
  }
  const failed = Object.entries(report.checks)
    .filter(([, result]) => result !== 'ok')
    .map(([name]) => name);
  res.status(503).set('Retry-After', '5').json({ code: 'NOT_READY', message: `Not ready: ${failed.join(' and ')} not answering.`, checks: report.checks });
});
