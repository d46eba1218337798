import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { StaffIdentity, StaffTokenVerifier } from '../../core/ports';
import { UnauthorizedError } from '../../core/staff/staff-errors';
import { identityFromClaims } from '../../core/staff/staff-roles';
import { unauthorizedReasonOf } from './jwt-refusal';

/*
 * Staff tokens from the Cognito user pool (deployed). The API's JWT authorizer already checks them at the edge; the
 * Lambda checks again with aws-jwt-verify, so a handler is never reachable with a token it did not verify itself
 * (defence in depth, and the same code path as the local stack). Access tokens only: they carry `cognito:groups`
 * and `client_id`; the JWKS is fetched once per container and cached by the library.
 */

export interface CognitoStaffTokenSettings {
  userPoolId: string;
  /** The staff console's app client id. */
  clientId: string;
  /** Pre-loaded signing keys (tests); without them the pool's JWKS is fetched once and cached. */
  jwks?: Jwks;
}

export function createCognitoStaffTokenVerifier(settings: CognitoStaffTokenSettings): StaffTokenVerifier {
  const verifier = CognitoJwtVerifier.create({
    userPoolId: settings.userPoolId,
    tokenUse: 'access',
    clientId: settings.clientId,
  });
  if (settings.jwks) verifier.cacheJwks(settings.jwks);
  return {
    verify: async (token: string): Promise<StaffIdentity> => {
      let claims: Record<string, unknown>;
      try {
        claims = (await verifier.verify(token)) as Record<string, unknown>;
      } catch (error) {
        throw new UnauthorizedError(unauthorizedReasonOf(error));
      }
      // Outside the try: a genuine token without a staff group is a 403, not a 401.
      return identityFromClaims(claims);
    },
  };
}
