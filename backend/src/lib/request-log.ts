import type { Level } from 'pino';

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
