import { PortalError } from '../errors';

/*
 * The staff API's own refusals. Each is audited before it is answered (see audit-trail.ts); the `reason` of an
 * UnauthorizedError lands in the audit record's detail so a supervisor can tell a typo'd token from an expired one.
 */

export type UnauthorizedReason = 'missing_token' | 'invalid_token' | 'expired_token' | 'wrong_issuer';

/** No usable staff token: missing, malformed, badly signed, expired or from another issuer → 401. */
export class UnauthorizedError extends PortalError {
  static override readonly codes = ['unauthorized'];

  constructor(
    readonly reason: UnauthorizedReason = 'invalid_token',
    message = 'Sign in again: the staff token is missing, invalid or expired.',
  ) {
    super('unauthorized', message);
  }
}

/** A valid staff token whose role may not do this → 403. */
export class ForbiddenError extends PortalError {
  static override readonly codes = ['forbidden'];

  constructor(message = 'Your role may not do this.') {
    super('forbidden', message);
  }
}

/** The call-back is claimed by another staff member → 409; the console then shows who has it. */
export class AssistRequestClaimedError extends PortalError {
  static override readonly codes = ['assist_request_claimed'];

  constructor() {
    super('assist_request_claimed', 'Another staff member has already claimed this call-back.');
  }
}

export class AssistRequestNotFoundError extends PortalError {
  static override readonly codes = ['assist_request_not_found'];

  constructor() {
    super('assist_request_not_found', 'There is no assisted-lookup request with this id (it may have expired).');
  }
}
