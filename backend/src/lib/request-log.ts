import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Level, Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Traffic no person asked for: orchestrator probes every few seconds and LiveKit's webhooks. */
const ROUTINE_PATHS = [/^\/health(?:[?/]|$)/, /^\/ready(?:[?/]|$)/, /^\/api\/webhook\//];

/**
 * The level of a request's log line. Failures are errors; routine traffic is debug so that at the usual
 * `info` the log shows what people did; everything else is info.
 */
export function requestLogLevel(url: string, statusCode: number, failed = false): Level {
  if (failed || statusCode >= 500) return 'error';
  return ROUTINE_PATHS.some((path) => path.test(url)) ? 'debug' : 'info';
}

/** One line a person can scan: `GET /api/viewer/live 200 12ms` (no time when the request failed before timing). */
export function requestSummary(method: string | undefined, url: string, statusCode: number, milliseconds?: number): string {
  const summary = `${method ?? '?'} ${url} ${statusCode}`;
  return milliseconds === undefined ? summary : `${summary} ${Math.round(milliseconds)}ms`;
}

/** The URL as the client sent it: a router mounted at a prefix shortens `req.url` while it handles the request. */
const fullUrl = (req: IncomingMessage) => (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';

/**
 * One line per request: method, path, status and time. Never the client's address, its forwarding headers or
 * any other header (SECURITY.md: addresses are not stored; per-network limits use a keyed hash, not a log).
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, url: fullUrl(req) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, error) => requestLogLevel(fullUrl(req), res.statusCode, Boolean(error)),
    customSuccessMessage: (req, res, milliseconds) => requestSummary(req.method, fullUrl(req), res.statusCode, milliseconds),
    customErrorMessage: (req, res) => requestSummary(req.method, fullUrl(req), res.statusCode),
  });
}
