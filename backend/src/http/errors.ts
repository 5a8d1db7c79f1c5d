import type { ErrorReason } from '@streamhouse/contract';

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'NOT_READY'
  | 'UPSTREAM_FAILED'
  | 'UNAVAILABLE'
  | 'INTERNAL'
  /** Tests only: a route answered something its declaration does not describe. */
  | 'CONTRACT_VIOLATION';

/** What an error answer carries besides code and message: a `reason` from the contract's closed list, and data. */
export type ErrorDetails = { reason?: ErrorReason } & Record<string, unknown>;

/** An error the client may see: a code, an HTTP status and a human sentence. */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(status: number, code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (message: string) => new AppError(404, 'NOT_FOUND', message);
export const forbidden = (message: string, details?: ErrorDetails) => new AppError(403, 'FORBIDDEN', message, details);
export const unauthenticated = (message = 'Sign in to do that.') => new AppError(401, 'UNAUTHENTICATED', message);
export const conflict = (message: string) => new AppError(409, 'CONFLICT', message);
/** PostgreSQL cannot LISTEN: event streams answer this, and browsers retry (their reconnect honours `retryAfterMs`). */
export const liveUpdatesUnavailable = () =>
  new AppError(503, 'UNAVAILABLE', 'Live updates are unavailable right now. Retrying shortly.', { retryAfterMs: 5000 });
