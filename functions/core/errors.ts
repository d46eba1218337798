/**
 * Errors are data: each carries a stable snake_case `code` that the API, the CLI and the site rely on. Messages are
 * for people and never contain the rejected value (it may be someone's identifier). The HTTP status of each code is
 * not the core's business: it lives in one table, functions/http/error-status.ts.
 */

/**
 * What an error says about the request, without HTTP: a `refusal` is the caller's (bad input, a limit, no access, a
 * link that is gone; they can fix it or wait), a `failure` is ours (a dependency down, a broken configuration). The
 * staff audit records the first as `refused` and the second as `error`.
 */
export type ErrorKind = 'refusal' | 'failure';

export class PortalError extends Error {
  /** Every code this class can carry: the HTTP status table has a row for each (test/unit/http/error-status.test.ts). */
  static readonly codes: readonly string[] = [];
  readonly kind: ErrorKind = 'refusal';

  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, string | number>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The codes of input the portal refuses; the site and the staff console show a message per code. */
export const INVALID_INPUT_CODES = [
  // The request as a whole (functions/http).
  'invalid_json',
  'invalid_request',
  'unknown_field',
  'invalid_query',
  'unknown_parameter',
  'invalid_id',
  // Identifiers and the check.
  'invalid_email',
  'invalid_phone',
  'invalid_customer_number',
  'phone_not_supported',
  'email_or_phone',
  // The call-back request.
  'invalid_name',
  'invalid_preferred_time',
  'invalid_message',
  'missing_contact',
  'assist_request_too_long',
  // The staff console.
  'missing_reason',
  'invalid_reason',
  'missing_ticket',
  'invalid_ticket',
  'identifier_in_text',
  'invalid_range',
  'range_too_long',
] as const;
export type InvalidInputCode = (typeof INVALID_INPUT_CODES)[number];

/** Input that does not describe a valid identifier or request. */
export class InvalidInputError extends PortalError {
  static override readonly codes: readonly InvalidInputCode[] = INVALID_INPUT_CODES;

  constructor(code: InvalidInputCode, message: string, details?: Record<string, string | number>) {
    super(code, message, details);
  }
}

export class InvalidEmailError extends InvalidInputError {
  constructor(message = 'Enter a valid email address, such as name@example.nl.') {
    super('invalid_email', message);
  }
}

export class InvalidPhoneError extends InvalidInputError {
  constructor(message = 'Enter a valid phone number, such as 06 12345678 or +31 6 12345678.') {
    super('invalid_phone', message);
  }
}

export class InvalidCustomerNumberError extends InvalidInputError {
  constructor(message = 'Enter a valid customer number.') {
    super('invalid_customer_number', message);
  }
}

/** The breach configuration is unusable; `key` names the offending setting. */
export class InvalidConfigError extends PortalError {
  static override readonly codes = ['invalid_config'];
  override readonly kind = 'failure';

  constructor(
    readonly key: string,
    message: string,
  ) {
    super('invalid_config', `Invalid breach configuration at "${key}": ${message}`);
  }
}

/** A limit was reached; the caller may try again after `retryAfterSeconds` (sent as Retry-After). */
export class RateLimitedError extends PortalError {
  static override readonly codes = ['rate_limited', 'sms_budget_exhausted'] as const;

  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests. Please try again later.',
    code: (typeof RateLimitedError.codes)[number] = 'rate_limited',
  ) {
    super(code, message);
  }
}

/** A dependency (database, mail) is unavailable; the request may be retried. */
export class ServiceUnavailableError extends PortalError {
  static override readonly codes = ['service_unavailable'];
  override readonly kind = 'failure';

  constructor(message = 'The service is temporarily unavailable. Please try again in a few minutes.') {
    super('service_unavailable', message);
  }
}

/** A create-only write found the key already taken (tokens, audit records, assist requests never overwrite). */
export class ConflictError extends PortalError {
  static override readonly codes = ['conflict'];

  constructor(message = 'The record already exists.') {
    super('conflict', message);
  }
}

/** The portal has passed its configured closing date: no new checks or requests (the site shows a closing notice). */
export class PortalClosedError extends PortalError {
  static override readonly codes = ['portal_closed'];

  constructor() {
    super('portal_closed', 'This portal has closed. Please contact customer support for questions about the breach.');
  }
}
