import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type { Jwk } from 'aws-jwt-verify/jwk';
import { createCognitoStaffTokenVerifier } from '../../../functions/adapters/cognito/cognito-staff-token-verifier';
import { issuer as localIssuer } from './staff-fixture';

/*
 * The deployed verifier (aws-jwt-verify's CognitoJwtVerifier) with the pool's keys pre-loaded, so no network: what
 * it accepts, how groups become roles, and that the local issuer's tokens are refused.
 */

const USER_POOL_ID = 'eu-west-1_TestPool1';
const CLIENT_ID = 'staffconsoleclient';
const ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${USER_POOL_ID}`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: 'pool-key', alg: 'RS256', use: 'sig' };
const verifier = createCognitoStaffTokenVerifier({
  userPoolId: USER_POOL_ID,
  clientId: CLIENT_ID,
  jwks: { keys: [jwk as Jwk] },
});

function cognitoAccessToken(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: ISSUER, token_use: 'access', client_id: CLIENT_ID, iat: now, exp: now + 600, ...claims };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', kid: 'pool-key' })}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

describe('Cognito staff token verifier', () => {
  it('maps cognito:groups to the role, supervisor first', async () => {
    await expect(
      verifier.verify(cognitoAccessToken({ username: 'sam', 'cognito:groups': ['agent', 'supervisor'] })),
    ).resolves.toEqual({ staffId: 'sam', role: 'supervisor' });
    await expect(
      verifier.verify(cognitoAccessToken({ username: 'anna', 'cognito:groups': ['agent'] })),
    ).resolves.toEqual({ staffId: 'anna', role: 'agent' });
  });

  it('answers 403 for a genuine token of someone in no staff group', async () => {
    await expect(verifier.verify(cognitoAccessToken({ username: 'pat' }))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('answers 401 for an expired token, an ID token, another app client and the local issuer', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const refusals = await Promise.all(
      [
        cognitoAccessToken({ username: 'a', 'cognito:groups': ['agent'], exp: past }),
        cognitoAccessToken({ username: 'a', 'cognito:groups': ['agent'], token_use: 'id' }),
        cognitoAccessToken({ username: 'a', 'cognito:groups': ['agent'], client_id: 'another-client' }),
        localIssuer.issueToken({ staffId: 'agent.anna', role: 'agent' }),
      ].map((token) =>
        verifier.verify(token).then(
          () => 'accepted',
          (error: { code: string; reason: string }) => `${error.code}:${error.reason}`,
        ),
      ),
    );
    expect(refusals).toEqual([
      'unauthorized:expired_token',
      'unauthorized:invalid_token',
      'unauthorized:invalid_token',
      'unauthorized:wrong_issuer',
    ]);
  });
});
