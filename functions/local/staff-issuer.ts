import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JwtVerifier } from 'aws-jwt-verify';
import type { Jwk, Jwks } from 'aws-jwt-verify/jwk';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { unauthorizedReasonOf } from '../adapters/cognito/jwt-refusal';
import type { StaffIdentity, StaffRole, StaffTokenVerifier } from '../core/ports';
import { UnauthorizedError } from '../core/staff/staff-errors';
import { identityFromClaims } from '../core/staff/staff-roles';

/*
 * The local stand-in for the Cognito user pool: an RS256 key of its own, made on first start in
 * `<localDir>/staff-issuer-key.json` (owner-only, git-ignored), a JWKS, and tokens shaped like Cognito access tokens
 * (`cognito:groups`, `username`, `token_use`). The issuer URL is under `.invalid`, a name that can never resolve, and
 * the verifier trusts that issuer with this key only — so a local token is refused by the deployed Cognito verifier,
 * and a token from anywhere else is refused here. Verification is aws-jwt-verify's JwtVerifier with the JWKS cached
 * (verifySync never fetches), the same library the Lambdas use for Cognito.
 */

export const LOCAL_STAFF_ISSUER = 'https://staff-issuer.local-portal.invalid';
export const LOCAL_STAFF_AUDIENCE = 'breach-portal-local-staff-console';
export const STAFF_ISSUER_KEY_FILE = 'staff-issuer-key.json';
/** A working shift; the console asks to sign in again after it. */
export const DEFAULT_TOKEN_SECONDS = 8 * 60 * 60;

export interface IssueTokenOptions {
  staffId: string;
  role: StaffRole;
  /** Lifetime from now; negative values make an already-expired token (tests). */
  expiresInSeconds?: number;
}

export interface LocalStaffIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly jwks: Jwks;
  issueToken(options: IssueTokenOptions): string;
  /** Accepts only tokens of this issuer, signed with this key, for this audience, unexpired. */
  readonly verifier: StaffTokenVerifier;
}

export async function loadOrCreateLocalStaffIssuer(localDir: string): Promise<LocalStaffIssuer> {
  return createLocalStaffIssuer(await loadOrCreateSigningKey(localDir));
}

/** From a given key (tests make throwaway ones with generateStaffSigningKey). */
export function createLocalStaffIssuer(privateKey: KeyObject, issuer: string = LOCAL_STAFF_ISSUER): LocalStaffIssuer {
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as Record<string, string>;
  const kid = `local-${publicJwk.n?.slice(0, 16) ?? 'key'}`;
  const jwks: Jwks = { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' } as Jwk] };
  const jwtVerifier = JwtVerifier.create({
    issuer,
    audience: LOCAL_STAFF_AUDIENCE,
    // Never fetched: the JWKS is cached below and verifySync only reads the cache.
    jwksUri: `${issuer}/.well-known/jwks.json`,
  });
  jwtVerifier.cacheJwks(jwks);

  return {
    issuer,
    audience: LOCAL_STAFF_AUDIENCE,
    jwks,
    issueToken: ({ staffId, role, expiresInSeconds = DEFAULT_TOKEN_SECONDS }) => {
      const now = Math.floor(Date.now() / 1000);
      const header = { alg: 'RS256', typ: 'JWT', kid };
      const payload = {
        iss: issuer,
        aud: LOCAL_STAFF_AUDIENCE,
        sub: staffId,
        username: staffId,
        'cognito:groups': [role],
        token_use: 'access',
        jti: randomUUID(),
        iat: now,
        exp: now + expiresInSeconds,
      };
      const signingInput = `${base64UrlJson(header)}.${base64UrlJson(payload)}`;
      const signature = sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
      return `${signingInput}.${signature}`;
    },
    verifier: {
      verify: async (token: string): Promise<StaffIdentity> => {
        let claims: Record<string, unknown>;
        try {
          claims = jwtVerifier.verifySync(token) as Record<string, unknown>;
        } catch (error) {
          const claimedIssuer = issuerOf(token);
          const fromElsewhere = typeof claimedIssuer === 'string' && claimedIssuer !== issuer;
          throw new UnauthorizedError(fromElsewhere ? 'wrong_issuer' : unauthorizedReasonOf(error));
        }
        return identityFromClaims(claims);
      },
    },
  };
}

export function generateStaffSigningKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

async function loadOrCreateSigningKey(localDir: string): Promise<KeyObject> {
  const file = join(localDir, STAFF_ISSUER_KEY_FILE);
  try {
    return createPrivateKey({ key: JSON.parse(await readFile(file, 'utf8')), format: 'jwk' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`Cannot use the local staff issuer key in ${file}: delete it to make a new one.`);
    }
  }
  await mkdir(localDir, { recursive: true, mode: 0o700 });
  const key = generateStaffSigningKey();
  try {
    // 'wx': when `npm start` and `portal staff-token` race, the first key written wins and both use it.
    await writeFile(file, JSON.stringify(key.export({ format: 'jwk' })), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSigningKey(localDir);
    throw error;
  }
  await chmod(file, 0o600);
  return key;
}

/** The unverified `iss`, only to name the refusal in the audit: nothing is trusted from it. */
function issuerOf(token: string): unknown {
  try {
    return decomposeUnverifiedJwt(token).payload.iss;
  } catch {
    return undefined;
  }
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
