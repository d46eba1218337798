import { dailyMetricKey, utcDay } from '../../../functions/core/check/daily-metrics';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { createStaffConfirmationHandler } from '../../../functions/handlers/staff-confirmation';
import { createStaffLookupHandler } from '../../../functions/handlers/staff-lookup';
import { createLocalStaffIssuer, generateStaffSigningKey } from '../../../functions/local/staff-issuer';
import { agentToken, config, invoke, issuer, staffEvent, TEST_PEPPER } from '../../unit/staff/staff-fixture';
import { auditOf, lookup, PHONE_HASH, useStaffDynamo } from './staff-api-fixture';

/*
 * Look-ups and confirmation re-sends on real dynalite: 401 for every kind of bad token, 400 for missing reason or
 * ticket, the audit record written for allowed and refused calls, the per-staff and per-address limits.
 */

const setUp = useStaffDynamo();

describe('POST /api/v1/staff/lookups', () => {
  it('gives an agent the exposed fields of one subject, found by phone, and audits it with the hashed subject', async () => {
    const { deps, stores, clock } = setUp();
    await stores.exposures.putRecords([
      { identifierHash: PHONE_HASH, breachId: config.id, subjectId: 's-1', fields: ['fullName', 'iban', 'phone'] },
      { identifierHash: PHONE_HASH, breachId: config.id, subjectId: 's-2', fields: ['address', 'phone'] },
    ]);

    const response = await invoke(createStaffLookupHandler(deps), staffEvent({ token: agentToken(), body: lookup }));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      found: true,
      exposed: ['iban', 'phone', 'address', 'fullName'],
      records: 2,
      guidance: {
        iban: '/nl/guidance/iban',
        phone: '/nl/guidance/phone',
        address: '/nl/guidance/address',
        fullName: '/nl/guidance/full-name',
      },
      locale: 'nl',
    });
    expect(await auditOf({ stores, clock })).toEqual([
      expect.objectContaining({
        staffId: 'agent.anna',
        role: 'agent',
        action: 'lookup',
        outcome: 'allowed',
        reason: lookup.reason,
        ticket: lookup.ticket,
        subjectHash: PHONE_HASH,
      }),
    ]);
    expect(await stores.counters.get(dailyMetricKey(utcDay(clock.now()), 'staff_lookups'))).toBe(1);
  });

  it.each([
    ['a missing token', () => undefined, 'unauthorized:missing_token'],
    ['a malformed token', () => 'Bearer abc.def.ghi', 'unauthorized:invalid_token'],
    [
      'an expired token',
      () => `Bearer ${issuer.issueToken({ staffId: 'agent.anna', role: 'agent', expiresInSeconds: -5 })}`,
      'unauthorized:expired_token',
    ],
    [
      'a token of another issuer',
      () =>
        `Bearer ${createLocalStaffIssuer(generateStaffSigningKey(), 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x').issueToken({ staffId: 'agent.anna', role: 'agent' })}`,
      'unauthorized:wrong_issuer',
    ],
  ])('answers 401 to %s and audits the refusal', async (_case, authorization, detail) => {
    const { deps, stores, clock } = setUp();
    const header = authorization();
    const event = staffEvent({ body: lookup, ...(header ? { authorization: header } : {}) });
    const response = await invoke(createStaffLookupHandler(deps), event);

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
    expect(await auditOf({ stores, clock })).toEqual([
      expect.objectContaining({ staffId: 'unknown', action: 'lookup', outcome: 'refused', detail }),
    ]);
  });

  it.each([
    ['reason', 'missing_reason'],
    ['ticket', 'missing_ticket'],
  ])('answers 400 without a %s and audits the refusal', async (field, code) => {
    const { deps, stores, clock } = setUp();
    const body: Record<string, string> = { ...lookup };
    delete body[field];
    const response = await invoke(createStaffLookupHandler(deps), staffEvent({ token: agentToken(), body }));

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(await auditOf({ stores, clock })).toEqual([
      expect.objectContaining({ staffId: 'agent.anna', outcome: 'refused', detail: code }),
    ]);
  });

  it('stops a staff member at the hourly limit, audits the refusal, and leaves colleagues unaffected', async () => {
    const { deps, stores, clock } = setUp({ staffLookupsPerHour: 3 });
    const handler = createStaffLookupHandler(deps);
    const statuses: number[] = [];
    for (let call = 0; call < 4; call++) {
      statuses.push((await invoke(handler, staffEvent({ token: agentToken(), body: lookup }))).status);
    }
    const refused = await invoke(handler, staffEvent({ token: agentToken(), body: lookup }));
    const colleague = issuer.issueToken({ staffId: 'agent.bram', role: 'agent' });

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await invoke(handler, staffEvent({ token: colleague, body: lookup }))).status).toBe(200);
    const records = await auditOf({ stores, clock });
    expect(records.filter((record) => record.detail === 'rate_limited')).toEqual([
      expect.objectContaining({ staffId: 'agent.anna', outcome: 'refused', subjectHash: PHONE_HASH }),
      expect.objectContaining({ staffId: 'agent.anna', outcome: 'refused', subjectHash: PHONE_HASH }),
    ]);

    clock.advance(60 * 60 * 1000);
    expect((await invoke(handler, staffEvent({ token: agentToken(), body: lookup }))).status).toBe(200);
  });
});

describe('POST /api/v1/staff/confirmations', () => {
  const confirmation = { email: 'Caller@Example.nl', reason: 'confirmation_not_received', ticket: 'INC-2002' };

  it('queues the website confirmation mail and audits the hashed address', async () => {
    const { deps, stores, clock } = setUp();
    const response = await invoke(
      createStaffConfirmationHandler(deps),
      staffEvent({ path: '/api/v1/staff/confirmations', token: agentToken(), body: confirmation }),
    );

    expect(response.status).toBe(202);
    expect(deps.emailQueue.jobs).toEqual([
      { kind: 'not_found', to: 'caller@example.nl', locale: 'nl', expiresAtEpochSeconds: expect.any(Number) },
    ]);
    expect(await auditOf({ stores, clock })).toEqual([
      expect.objectContaining({
        action: 'confirmation',
        outcome: 'allowed',
        subjectHash: hashIdentifier(TEST_PEPPER, 'email', 'caller@example.nl'),
      }),
    ]);
  });

  it('is not stopped by the per-IP limit the caller exhausted, but is by the per-address limit', async () => {
    const { deps, stores, clock } = setUp({ checksPerIpPerMinute: 1, checksPerAddressPerDay: 2 });
    const publicCheck = createCheckHandler(deps);
    const sameIp = '192.0.2.20';
    await invoke(publicCheck, staffEvent({ path: '/api/v1/checks', body: { email: 'other@example.nl' } }));
    const publicRefused = await invoke(
      publicCheck,
      staffEvent({ path: '/api/v1/checks', body: { email: 'x@example.nl' } }),
    );
    expect(publicRefused.status).toBe(429);

    const resend = createStaffConfirmationHandler(deps);
    const event = () => staffEvent({ path: '/api/v1/staff/confirmations', token: agentToken(), body: confirmation });
    const first = await invoke(resend, event());
    const second = await invoke(resend, event());
    const third = await invoke(resend, event());

    expect(sameIp).toBe(event().requestContext.http.sourceIp);
    expect([first.status, second.status, third.status]).toEqual([202, 202, 429]);
    expect((await auditOf({ stores, clock })).map((record) => `${record.outcome}:${record.detail}`).sort()).toEqual([
      'allowed:confirmation_queued',
      'allowed:confirmation_queued',
      'refused:rate_limited',
    ]);
  });
});
