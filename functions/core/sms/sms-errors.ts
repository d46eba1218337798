import { InvalidInputError, RateLimitedError } from '../errors';

/* The phone route's own refusals (DESIGN §9). Each is the same for a number in the breach and one that is not. */

/** A valid number the portal will not text: another country, a landline, premium-rate, or the phone route is off. */
export class PhoneNotSupportedError extends InvalidInputError {
  constructor() {
    super(
      'phone_not_supported',
      'We can only answer by text message to a Dutch mobile number. Check by email instead, or ask us to call you.',
    );
  }
}

/** Both `email` and `phone` in one check: the answer must go to exactly one place. */
export class EmailAndPhoneError extends InvalidInputError {
  constructor() {
    super('email_or_phone', 'Enter either an email address or a mobile number, not both.');
  }
}

/**
 * Today's SMS budget is spent. Refused alike for every number until midnight UTC, so the refusal says nothing about
 * whose number it is; a 429 with Retry-After like any other limit, under its own code so the site can offer email.
 */
export class SmsBudgetExhaustedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(
      retryAfterSeconds,
      'Checks by text message are paused for today. Check by email, or try again tomorrow.',
      'sms_budget_exhausted',
    );
  }
}
