import { createLocalStaffLoginHandler, findDemoAccount } from '../../../functions/local/staff-accounts';
import { createLocalStaffIssuer, generateStaffSigningKey } from '../../../functions/local/staff-issuer';
import { testOriginGuard } from '../../support/test-origin';
import { invoke, issuer, RecordingLogger, staffEvent } from './staff-fixture';

/* The local stand-in for Cognito: tokens it accepts, tokens it refuses, and the dev login. */

async function refusal(token: string) {
  try {
    await issuer.verifier.verify(token);
  } catch (error) {
    return error as { code: string; reason: string };
  }
  throw new Error('the token was accepted');
}

describe('local staff issuer', () => {
  it('issues Cognito-shaped tokens its verifier accepts', async () => {
    const token = issuer.issueToken({ staffId: 'agent.anna', role: 'agent' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

    expect(payload).toMatchObject({ iss: issuer.issuer, aud: issuer.audience, 'cognito:groups': ['agent'] });
    expect(issuer.issuer).toMatch(/\.invalid$/);
    await expect(issuer.verifier.verify(token)).resolves.toEqual({ staffId: 'agent.anna', role: 'agent' });
  });

  it('refuses expired, foreign-issuer, foreign-key and malformed tokens, naming why', async () => {
    const otherIssuer = createLocalStaffIssuer(generateStaffSigningKey(), 'https://elsewhere.invalid');
    const otherKey = createLocalStaffIssuer(generateStaffSigningKey());

    expect(await refusal(issuer.issueToken({ staffId: 'a', role: 'agent', expiresInSeconds: -60 }))).toMatchObject({
      code: 'unauthorized',
      reason: 'expired_token',
    });
    expect(await refusal(otherIssuer.issueToken({ staffId: 'a', role: 'agent' }))).toMatchObject({
      reason: 'wrong_issuer',
    });
    expect(await refusal(otherKey.issueToken({ staffId: 'a', role: 'agent' }))).toMatchObject({
      reason: 'invalid_token',
    });
    expect(await refusal('a.b.c')).toMatchObject({ code: 'unauthorized' });
  });
});

describe('local dev login', () => {
  const login = createLocalStaffLoginHandler({ issuer, logger: new RecordingLogger(), originGuard: testOriginGuard });

  it('trades a demo login for a token that carries its role', async () => {
    const response = await invoke(
      login,
      staffEvent({ path: '/api/v1/local/staff-login', body: { user: 'supervisor.sam', password: 'demo-supervisor' } }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ user: 'supervisor.sam', role: 'supervisor' });
    await expect(issuer.verifier.verify(response.body.token)).resolves.toEqual({
      staffId: 'supervisor.sam',
      role: 'supervisor',
    });
  });

  it('refuses a wrong password with 401 invalid_credentials', async () => {
    const response = await invoke(
      login,
      staffEvent({ path: '/api/v1/local/staff-login', body: { user: 'agent.anna', password: 'demo-supervisor' } }),
    );
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('invalid_credentials');
    expect(findDemoAccount('nobody', 'demo-agent')).toBeUndefined();
  });
});
