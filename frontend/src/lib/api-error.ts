import { isErrorReason, type ErrorReason } from '@streamhouse/contract';

/** The one error shape every API failure turns into; the UI reads `status`, `code`, `message` and `reason`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The refusal's finer cause, from the contract's closed list (a reason this build does not know reads as none). */
  get reason(): ErrorReason | undefined {
    return isErrorReason(this.body.reason) ? this.body.reason : undefined;
  }

  /** With RATE_LIMITED, slow mode and timeouts: when to try again. */
  get retryAfterMs(): number | undefined {
    return typeof this.body.retryAfterMs === 'number' ? this.body.retryAfterMs : undefined;
  }
}

/** fetch itself failed (offline, server down): no status to show, so one sentence for every such case. */
export const networkError = () => new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.');

/** An error answer: the server's `{ code, message }` when it sent one, else a code and sentence made from the status. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const code = typeof fields.code === 'string' ? fields.code : 'HTTP_' + status;
  const message = typeof fields.message === 'string' && fields.message ? fields.message : `Request failed (${status}).`;
  return new ApiError(status, code, message, fields);
}
