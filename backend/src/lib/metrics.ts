import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus registry every module registers its metrics in (served at /metrics by the metrics module).
 * Labels are bounded sets: a route's pattern, a status, a reason code — never a raw URL, id or address.
 */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics, prefix: 'streamhouse_' });
