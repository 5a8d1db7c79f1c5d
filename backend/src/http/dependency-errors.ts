/** Network-level failures reaching PostgreSQL or LiveKit: the request was fine, a dependency was not there. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** PostgreSQL: a statement over its timeout, shutting down, starting up, too many connections, connection lost. */
const POSTGRES_UNAVAILABLE = new Set(['57014', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
/**
 * Prisma: cannot reach the server, timed out, connection closed, pool timeout, and a transaction that could not
 * start within maxWait or outlived its timeout (P2028: an overloaded database, seen under the benchmarks' load).
 */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** Driver-adapter error kinds for the same situations. */
const ADAPTER_UNAVAILABLE = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'SocketTimeout',
  'ConnectionClosed',
  'TooManyConnections',
]);

/** node-postgres reports a connection that timed out or dropped with these messages and no code. */
const PG_CONNECTION_LOST = /^(Connection terminated|timeout exceeded when trying to connect)/;

type ErrorLike = {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  kind?: unknown;
  status?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/**
 * Whether an error means "a dependency is down" (answered 503 with Retry-After, so clients retry) rather than
 * a bug (500). Follows the `cause` chain (and Prisma's `meta.driverAdapterError`), where fetch and driver adapters
 * put the underlying error.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const candidate = current as ErrorLike;
    const code = typeof candidate.code === 'string' ? candidate.code : undefined;
    if (code && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.has(code) || PRISMA_UNAVAILABLE.has(code))) return true;
    if (typeof candidate.kind === 'string' && ADAPTER_UNAVAILABLE.has(candidate.kind)) return true;
    if (candidate.name === 'PrismaClientInitializationError') return true;
    // livekit-server-sdk reports an unreachable server as a Twirp "unavailable" (or fetch's TypeError below it).
    if (candidate.name === 'TwirpError' && (code === 'unavailable' || code === 'internal') && candidate.status === 503)
      return true;
    if (candidate.name === 'TypeError' && candidate.message === 'fetch failed') return true;
    if (typeof candidate.message === 'string' && PG_CONNECTION_LOST.test(candidate.message)) return true;
    // Prisma puts the driver's error (with PostgreSQL's code) under meta rather than cause.
    current = candidate.cause ?? candidate.meta?.driverAdapterError;
  }
  return false;
}
