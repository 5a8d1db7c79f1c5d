/** The one error shape every API failure turns into; the UI reads `status`, `code` and `message`. */
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
