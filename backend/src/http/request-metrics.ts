import type { RequestHandler } from 'express';
import { Histogram } from 'prom-client';
import { metrics } from '../lib/metrics.ts';
import { declaredRouteOf } from './api-router.ts';

const requestDuration = new Histogram({
  name: 'streamhouse_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by declared route and status class (an event stream counts until it closes)',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

/** Times every request under the route it was declared as (`/api/chat/:hostId/messages`); pages and files as `other`. */
export function timeRequests(): RequestHandler {
  return (req, res, next) => {
    const stop = requestDuration.startTimer();
    res.once('close', () => {
      stop({
        method: req.method,
        route: declaredRouteOf(res)?.path ?? 'other',
        status: `${Math.floor(res.statusCode / 100)}xx`,
      });
    });
    next();
  };
}
