import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from './errors.ts';
import { isDependencyUnavailable } from './dependency-errors.ts';
import { logger } from '../lib/logger.ts';
import type { ErrorBody } from './error-body.ts';

/** body-parser marks its own errors with `type` and `status`. */
function fromBodyParser(error: { type?: string; status?: number }): AppError | undefined {
  if (error.type === 'entity.parse.failed') return new AppError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  if (error.type === 'entity.too.large') return new AppError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500)
    return new AppError(error.status, 'BAD_REQUEST', 'The request could not be read.');
  return undefined;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'NOT_FOUND', `No route for ${req.method} ${req.originalUrl.split('?')[0]}.`));
};

/** A dependency (PostgreSQL, LiveKit) is down: the client should retry, and is told when. */
const DEPENDENCY_RETRY_AFTER_MS = 5000;

function fromDependencyOutage(error: unknown): AppError | undefined {
  if (!isDependencyUnavailable(error)) return undefined;
  return new AppError(
    503,
    'UNAVAILABLE',
    'A service the site depends on is not answering right now. Please try again in a few seconds.',
    {
      retryAfterMs: DEPENDENCY_RETRY_AFTER_MS,
    },
  );
}

/** The one place errors become JSON. Unknown errors are logged and answered without internals. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = error instanceof AppError ? error : (fromBodyParser(error) ?? fromDependencyOutage(error));
  if (!known) (req.log ?? logger).error({ err: error }, 'unhandled error');
  else if (known.status === 503) (req.log ?? logger).warn({ err: error }, 'dependency unavailable');
  const appError = known ?? new AppError(500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  if ((appError.status === 429 || appError.status === 503) && typeof appError.details?.retryAfterMs === 'number') {
    res.setHeader('Retry-After', Math.ceil(appError.details.retryAfterMs / 1000));
  }
  const body: ErrorBody = { ...appError.details, code: appError.code, message: appError.message };
  res.status(appError.status).json(body);
};
