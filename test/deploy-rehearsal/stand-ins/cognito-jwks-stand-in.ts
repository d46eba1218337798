import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningStandIn } from './json-protocol-server';

/*
 * STAND-IN for the Cognito user pool's signing keys: serves /<poolId>/.well-known/jwks.json with one RSA key and
 * mints ACCESS tokens shaped as Cognito issues them (iss, client_id, token_use=access, cognito:groups, username,
 * exp, RS256 with a kid), so the staff bundles' aws-jwt-verify checks a token exactly as it does once deployed.
 * The bundles reach it through cognito-host-redirect.mjs (see there why that redirect exists).
 */

export interface CognitoStandIn extends RunningStandIn {
  /** host:port that cognito-idp.<region>.amazonaws.com is redirected to. */
  hostPort: string;
  mintAccessToken(claims: { username: string; groups: string[] }): string;
}

export async function startCognitoJwksStandIn(settings: {
  region: string;
  userPoolId: string;
  clientId: string;
}): Promise<CognitoStandIn> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
  const server = createServer((request, response) => {
    const found = request.url === `/${settings.userPoolId}/.well-known/jwks.json`;
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(found ? JSON.stringify(jwks) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `https://cognito-idp.${settings.region}.amazonaws.com/${settings.userPoolId}`;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    mintAccessToken: ({ username, groups }) => {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(privateKey, kid, {
        sub: randomUUID(),
        'cognito:groups': groups,
        iss: issuer,
        client_id: settings.clientId,
        origin_jti: randomUUID(),
        event_id: randomUUID(),
        token_use: 'access',
        scope: 'openid email profile',
        auth_time: now,
        iat: now,
        exp: now + 3600,
        jti: randomUUID(),
        username,
      });
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ kid, alg: 'RS256' })}.${part(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
  return `${unsigned}.${signature}`;
}
