import { INVALID_INPUT_CODES, type PortalError } from '../core/errors';

/*
 * The HTTP status of every error code, in one place: the core's errors carry a code and a message, the API answers
 * with the status below. A code without a row is a bug (test/unit/http/error-status.test.ts finds it) and answers
 * 500 rather than a guess.
 */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  // The request is wrong: the caller can fix it. The site and the console show a message per code.
  ...Object.fromEntries(INVALID_INPUT_CODES.map((code) => [code, 400])),
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  forbidden_origin: 403,
  token_unknown: 404,
  assist_request_not_found: 404,
  conflict: 409,
  assist_request_claimed: 409,
  token_expired: 410,
  token_used: 410,
  portal_closed: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  // Retry-After tells when (middleware/error-responses.ts).
  rate_limited: 429,
  sms_budget_exhausted: 429,
  // Ours, not the caller's.
  invalid_config: 500,
  service_unavailable: 503,
};

export function httpStatusOf(error: PortalError): number {
  return STATUS_BY_CODE[error.code] ?? 500;
}
