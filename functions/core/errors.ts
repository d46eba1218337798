/**
 * Errors are data: each carries a stable snake_case `code` that the API, the CLI and the site rely on, and the HTTP
 * status it maps to. Messages are for people and never contain the rejected value (it may be someone's identifier).
 */
export class PortalError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, string | number>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that does not describe a valid identifier or request. */
export class InvalidInputError extends PortalError {
  constructor(code: string, message: string, details?: Record<string, string | number>) {
    super(code, 400, message, details);
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
  constructor(
    readonly key: string,
    message: string,
  ) {
    super('invalid_config', 500, `Invalid breach configuration at "${key}": ${message}`);
  }
}

/** A limit was reached; the caller may try again after `retryAfterSeconds` (sent as Retry-After). */
export class RateLimitedError extends PortalError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests. Please try again later.',
    code = 'rate_limited',
  ) {
    super(code, 429, message);
  }
}

/** A dependency (database, mail) is unavailable; the request may be retried. */
export class ServiceUnavailableError extends PortalError {
  constructor(message = 'The service is temporarily unavailable. Please try again in a few minutes.') {
    super('service_unavailable', 503, message);
  }
}

/** A create-only write found the key already taken (tokens, audit records, assist requests never overwrite). */
export class ConflictError extends PortalError {
  constructor(message = 'The record already exists.') {
    super('conflict', 409, message);
  }
}

/** The portal has passed its configured closing date: no new checks or requests (the site shows a closing notice). */
export class PortalClosedError extends PortalError {
  constructor() {
    super(
      'portal_closed',
      410,
      'This portal has closed. Please contact customer support for questions about the breach.',
    );
  }
}
