/**
 * The error catalogue: every error a user can cause has a stable code, an HTTP status and a
 * translatable message (`errors.<code>` in the locale files). The server never sends a stack trace.
 *
 * @example
 * throw new AppError('not_found', { entity: 'division' });
 */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  out_of_scope: 403,
  csrf_failed: 403,
  account_disabled: 403,
  account_locked: 403,
  not_found: 404,
  version_conflict: 409,
  duplicate: 409,
  invalid_transition: 409,
  in_use: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** No CJK font on the server to set a PDF in (install fonts-wqy-zenhei or set PDF_FONT). */
  pdf_font_missing: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One problem with one field of the request, already translated. */
export interface FieldError {
  /** Dotted path of the field, e.g. `body.phone` or `query.page`. */
  path: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    /** Extra facts the UI may use, e.g. `allowed` next states or `retryAfterSeconds`. */
    details?: Record<string, unknown>;
  };
  requestId?: string;
}
