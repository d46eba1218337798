import { PortalError } from '../errors';

/*
 * What a result link can turn out to be. The site shows each as a clear page with a one-click "check again"; the
 * messages never say whether the address behind the token is in the breach.
 */

export class TokenUnknownError extends PortalError {
  constructor() {
    super('token_unknown', 404, 'This link is not valid. Please check your address again.');
  }
}

export class TokenExpiredError extends PortalError {
  constructor() {
    super('token_expired', 410, 'This link has expired. Please check your address again.');
  }
}

export class TokenUsedError extends PortalError {
  constructor() {
    super('token_used', 410, 'This link has already been used. Please check your address again.');
  }
}
