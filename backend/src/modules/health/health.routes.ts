import { apiRouter, ok } from '../../http/api-router.ts';
import { AppError } from '../../http/errors.ts';
import { alive, ready } from './health.schemas.ts';
import { checkReadiness } from './health.service.ts';

/** Probes for orchestrators and load balancers, outside /api. */
export const healthApi = apiRouter('', { tag: 'Health', description: 'Probes for orchestrators and load balancers.' });

healthApi.get('/health', {
  summary: 'Liveness: the process answers',
  responses: { 200: alive },
  handler: () => ok({ status: 'ok' as const }),
});

healthApi.get('/ready', {
  summary: 'Readiness: PostgreSQL and LiveKit answer, notifications arrive, and the instance is not shutting down',
  responses: { 200: ready },
  errors: { 503: 'Not ready (`NOT_READY`): shutting down, or `checks` names what is not answering.' },
  handler: async () => {
    const report = await checkReadiness();
    if (report.ready) return ok({ status: 'ready' as const, checks: report.checks });
    if (report.shuttingDown)
      throw new AppError(503, 'NOT_READY', 'Not ready: this instance is shutting down.', {
        checks: report.checks,
        retryAfterMs: 5000,
      });
    const failed = Object.entries(report.checks)
      .filter(([, result]) => result !== 'ok')
      .map(([name]) => name);
    throw new AppError(503, 'NOT_READY', `Not ready: ${failed.join(' and ')} not answering.`, {
      checks: report.checks,
      retryAfterMs: 5000,
    });
  },
});
