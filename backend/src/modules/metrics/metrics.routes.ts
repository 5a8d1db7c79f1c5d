import { timingSafeEqual } from 'node:crypto';
import { apiRouter, guard } from '../../http/api-router.ts';
import { security } from '../../http/api-security.ts';
import { AppError, unauthenticated } from '../../http/errors.ts';
import { env } from '../../config/env.ts';
import { metrics } from '../../lib/metrics.ts';

/** /metrics: Prometheus's text format, for the operator's scraper only. */
export const metricsApi = apiRouter('', { tag: 'Operations', description: 'Metrics for operators.' });

const sameSecret = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** Only with `Authorization: Bearer <METRICS_TOKEN>`; with no token configured the route does not exist. */
const requireMetricsToken = guard(
  (req, _res, next) => {
    if (!env.METRICS_TOKEN) throw new AppError(404, 'NOT_FOUND', `No route for ${req.method} ${req.originalUrl.split('?')[0]}.`);
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!given || !sameSecret(given, env.METRICS_TOKEN)) throw unauthenticated('Send the metrics token as a Bearer token.');
    next();
  },
  {
    security: [security.metricsToken],
    errors: { 401: 'No or a wrong metrics token.', 404: 'Metrics are off (no METRICS_TOKEN configured).' },
  },
);

metricsApi.get('/metrics', {
  summary: 'Prometheus metrics: request latency by route, event streams, chat, webhooks, recordings, database pool',
  guards: [requireMetricsToken],
  responses: { 200: { description: 'Prometheus text exposition format', contentType: 'text/plain' } },
  handler: async (_input, _req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  },
});
