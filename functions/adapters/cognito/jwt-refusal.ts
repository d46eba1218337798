import { JwtExpiredError, JwtInvalidIssuerError, ParameterValidationError } from 'aws-jwt-verify/error';
import type { UnauthorizedReason } from '../../core/staff/staff-errors';

/** Names an aws-jwt-verify refusal for the audit detail: an expired token, one of another issuer, or anything else. */
export function unauthorizedReasonOf(error: unknown): UnauthorizedReason {
  if (error instanceof JwtExpiredError) return 'expired_token';
  // A token naming an issuer the verifier is not configured for fails parameter validation before any signature check.
  if (error instanceof JwtInvalidIssuerError || error instanceof ParameterValidationError) return 'wrong_issuer';
  return 'invalid_token';
}
