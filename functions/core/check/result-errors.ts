import { PortalError } from '../errors';

/*
 * What a result link can turn out to be. The site shows each as a clear page with a one-click "check again"; the
 * messages never say whether the address behind the token is in the breach.
 */

export class TokenUnknownError extends PortalError {
  static override readonly codes = ['token_unknown'];

  constructor() {
    super('token_unknown', 'This link is not valid. Please check your address again.');
  }
}

export class TokenExpiredError extends PortalError {
  static override readonly codes = ['token_expired'];

  constructor() {
    super('token_expired', 'This link has expired. Please check your address again.');
  }
}

export class TokenUsedError extends PortalError {
  static override readonly codes = ['token_used'];

  constructor() {
    super('token_used', 'This link has already been used. Please check your address again.');
  }
}
