/**
 * @module http/api-error — the one error the routes throw; the app's error handler turns it into
 * `{ error: { code, message, details? } }` with its status. Anything else becomes a bare 500 with no detail.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ApiErrorCode =
  | 'malformed-json'
  | 'invalid-document'
  | 'implausible'
  | 'too-large'
  | 'unsupported-media-type'
  | 'invalid-query'
  | 'not-found'
  | 'no-token'
  | 'wrong-token'
  | 'rate-limited'
  | 'internal';

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  readonly details: unknown;

  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The JSON error response for `error` (keeps headers already set on `c`, e.g. Retry-After). */
export function errorResponse(c: Context, error: ApiError): Response {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
  return c.json(body, error.status);
}
