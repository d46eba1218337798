import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { dailyMetricKey, utcDay } from '../../../functions/core/check/daily-metrics';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import type { AuditRecord } from '../../../functions/core/ports';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { createStaffAuditHandler } from '../../../functions/handlers/staff-audit';
import { createStaffConfirmationHandler } from '../../../functions/handlers/staff-confirmation';
import { createStaffListAssistRequestsHandler } from '../../../functions/handlers/staff-list-assist-requests';
import { createStaffLookupHandler } from '../../../functions/handlers/staff-lookup';
import { createStaffMetricsHandler } from '../../../functions/handlers/staff-metrics';
import { createStaffUpdateAssistRequestHandler } from '../../../functions/handlers/staff-update-assist-request';
import { createLocalStaffIssuer, generateStaffSigningKey } from '../../../functions/local/staff-issuer';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import {
  agentToken,
  config,
  invoke,
  issuer,
  staffDependencies,
  staffEvent,
  supervisorToken,
  TEST_PEPPER,
  testSecretBox,
} from '../../unit/staff/staff-fixture';

/*
 * The staff API on real dynalite: every endpoint and role, the 401/403 refusals, 400 for missing reason/ticket, the
 * audit record written for allowed and refused calls, the per-staff limit and the append-only audit table.
 */

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());

const PHONE_HASH = hashIdentifier(TEST_PEPPER, 'phone', '+31612345678');
const lookup = { type: 'phone', value: '06-12345678', reason: 'caller has no email on file', ticket: 'INC-2001' };

/** A fresh clock per test on its own day, so counters and audit days never leak between tests. */
let day = 0;
function setUp(limits: Partial<typeof config.limits> = {}) {
  day += 1;
  const clock = new ManualClock(Date.parse('2026-04-01T10:00:00.000Z') + day * 24 * 60 * 60 * 1000);
  const stores = dynamo.stores(clock);
  const deps = staffDependencies(stores, clock);
  return { clock, stores, deps: { ...deps, config: { ...config, limits: { ...config.limits, ...limits } } } };
}

async function auditOf(stores: ReturnType<TestDynamo['stores']>, clock: ManualClock): Promise<AuditRecord[]> {
  return stores.audit.list({ from: clock.now() - 60 * 60 * 1000, to: clock.now() + 60 * 60 * 1000, limit: 1000 });
}

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
    expect(await auditOf(stores, clock)).toEqual([
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
    expect(await auditOf(stores, clock)).toEqual([
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
    expect(await auditOf(stores, clock)).toEqual([
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
    const records = await auditOf(stores, clock);
    expect(records.filter((record) => record.detail === 'rate_limited')).toEqual([
      expect.objectContaining({ staffId: 'agent.anna', outcome: 'refused', subjectHash: PHONE_HASH }),
      expect.objectContaining({ staffId: 'agent.anna', outcome: 'refused', subjectHash: PHONE_HASH }),
    ]);

    clock.advance(60 * 60 * 1000);
    expect((await invoke(handler, staffEvent({ token: agentToken(), body: lookup }))).status).toBe(200);
  });
});

describe('POST /api/v1/staff/confirmations', () => {
  const confirmation = { email: 'Caller@Example.nl', reason: 'customer lost the first mail', ticket: 'INC-2002' };

  it('queues the website confirmation mail and audits the hashed address', async () => {
    const { deps, stores, clock } = setUp();
    const response = await invoke(
      createStaffConfirmationHandler(deps),
      staffEvent({ path: '/api/v1/staff/confirmations', token: agentToken(), body: confirmation }),
    );

    expect(response.status).toBe(202);
    expect(deps.emailQueue.jobs).toEqual([{ kind: 'not_found', to: 'caller@example.nl', locale: 'nl' }]);
    expect(await auditOf(stores, clock)).toEqual([
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
    expect((await auditOf(stores, clock)).map((record) => `${record.outcome}:${record.detail}`).sort()).toEqual([
      'allowed:confirmation_queued',
      'allowed:confirmation_queued',
      'refused:rate_limited',
    ]);
  });
});

describe('the assisted-lookup queue', () => {
  it('lists open requests with the callback details opened for staff, and updates their status', async () => {
    const { deps, stores, clock } = setUp();
    const details = { name: 'Jan Jansen', phone: '+31612345678', preferredTime: 'after 18:00' };
    await stores.assistRequests.create({
      id: 'req-1',
      createdAt: clock.now(),
      status: 'open',
      locale: 'nl',
      sealedDetails: await testSecretBox.seal(JSON.stringify(details)),
      expiresAtEpochSeconds: Math.floor(clock.now() / 1000) + 86400,
    });
    const list = createStaffListAssistRequestsHandler(deps);
    const listEvent = (status: string) =>
      staffEvent({ method: 'GET', path: '/api/v1/staff/assist-requests', token: agentToken(), query: { status } });

    const open = await invoke(list, listEvent('open'));
    expect(open.status).toBe(200);
    expect(open.body.items).toEqual([expect.objectContaining({ id: 'req-1', status: 'open', details })]);

    const patch = await invoke(
      createStaffUpdateAssistRequestHandler(deps),
      staffEvent({
        method: 'PATCH',
        path: '/api/v1/staff/assist-requests/req-1',
        pathParameters: { id: 'req-1' },
        token: agentToken(),
        body: { status: 'in_progress', note: 'called, no answer' },
      }),
    );
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ id: 'req-1', status: 'in_progress', updatedBy: 'agent.anna' });
    expect(patch.body).not.toHaveProperty('details');
    expect((await invoke(list, listEvent('open'))).body.items).toEqual([]);
    expect((await invoke(list, listEvent('in_progress'))).body.items).toEqual([
      expect.objectContaining({ id: 'req-1', note: 'called, no answer' }),
    ]);

    const records = await auditOf(stores, clock);
    expect(records.map((record) => record.action).sort()).toEqual([
      'list_assist_requests',
      'list_assist_requests',
      'list_assist_requests',
      'update_assist_request',
    ]);
    expect(JSON.stringify(records)).not.toContain('Jansen');
    expect(deps.logger.lines.join('\n')).not.toContain('Jansen');
  });

  it('answers 404 for an unknown request and 400 for an unknown status, both audited', async () => {
    const { deps, stores, clock } = setUp();
    const update = createStaffUpdateAssistRequestHandler(deps);
    const patch = (body: unknown) =>
      staffEvent({ method: 'PATCH', pathParameters: { id: 'nope' }, token: agentToken(), body });

    expect((await invoke(update, patch({ status: 'done' }))).status).toBe(404);
    expect((await invoke(update, patch({ status: 'deleted' }))).status).toBe(400);
    expect((await auditOf(stores, clock)).map((record) => record.outcome)).toEqual(['refused', 'refused']);
  });
});

describe('GET /api/v1/staff/audit', () => {
  it('is for supervisors: an agent gets 403, and the refusal is itself audited', async () => {
    const { deps, stores, clock } = setUp();
    const event = staffEvent({
      method: 'GET',
      path: '/api/v1/staff/audit',
      token: agentToken(),
      query: { from: '2026-01-01' },
    });
    const response = await invoke(createStaffAuditHandler(deps), event);

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(await auditOf(stores, clock)).toEqual([
      expect.objectContaining({ staffId: 'agent.anna', action: 'read_audit', outcome: 'refused', detail: 'forbidden' }),
    ]);
  });

  it('shows a supervisor who looked up what, filtered by staff member, and rejects unbounded ranges', async () => {
    const { deps, clock } = setUp();
    await invoke(createStaffLookupHandler(deps), staffEvent({ token: agentToken(), body: lookup }));
    clock.advance(1000);
    const otherAgent = issuer.issueToken({ staffId: 'agent.bram', role: 'agent' });
    await invoke(
      createStaffLookupHandler(deps),
      staffEvent({ token: otherAgent, body: { ...lookup, ticket: 'INC-3' } }),
    );
    clock.advance(1000);
    const today = utcDay(clock.now());
    const read = (query: Record<string, string>) =>
      invoke(
        createStaffAuditHandler(deps),
        staffEvent({ method: 'GET', path: '/api/v1/staff/audit', token: supervisorToken(), query }),
      );

    const all = await read({ from: today, to: today });
    expect(all.status).toBe(200);
    expect(all.body.rows.map((row: AuditRecord) => row.staffId)).toEqual(['agent.bram', 'agent.anna']);
    expect(all.body.rows[1]).toEqual(
      expect.objectContaining({
        action: 'lookup',
        outcome: 'allowed',
        reason: lookup.reason,
        ticket: lookup.ticket,
        subjectHash: PHONE_HASH,
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      }),
    );
    expect(all.body.rows[1]).not.toHaveProperty('expiresAtEpochSeconds');

    const anna = await read({ from: today, to: today, staff: 'agent.anna' });
    expect(anna.body.rows).toEqual([expect.objectContaining({ staffId: 'agent.anna' })]);

    expect((await read({ from: '2026-01-01', to: '2026-06-01' })).body.error.code).toBe('range_too_long');
    expect((await read({ from: 'yesterday' })).status).toBe(400);
    expect((await read({ from: today, dump: 'all' })).body.error.code).toBe('unknown_parameter');
  });
});

describe('GET /api/v1/staff/metrics', () => {
  it('gives a supervisor the daily counts, oldest day first, and refuses agents and more than 90 days', async () => {
    const { deps, stores, clock } = setUp();
    const today = utcDay(clock.now());
    await stores.counters.increment(dailyMetricKey(today, 'checks'), Math.floor(clock.now() / 1000) + 3600);
    await stores.counters.increment(dailyMetricKey(today, 'checks'), Math.floor(clock.now() / 1000) + 3600);
    const handler = createStaffMetricsHandler(deps);
    const get = (token: string, days: string) =>
      invoke(handler, staffEvent({ method: 'GET', path: '/api/v1/staff/metrics', token, query: { days } }));

    const response = await get(supervisorToken(), '3');
    expect(response.status).toBe(200);
    expect(response.body.days).toHaveLength(3);
    expect(response.body.days[2]).toEqual({
      day: today,
      checks: 2,
      hits: 0,
      misses: 0,
      redeemed: 0,
      assist_requests: 0,
      staff_lookups: 0,
    });
    expect(response.body.days[0].day < today).toBe(true);
    expect((await get(agentToken(), '3')).status).toBe(403);
    expect((await get(supervisorToken(), '91')).status).toBe(400);
  });
});

describe('the audit table', () => {
  it('is append-only: the port has no update or delete, and a second append with the same key is refused', async () => {
    const { stores, clock } = setUp();
    const record: AuditRecord = {
      id: 'fixed-id',
      at: clock.now(),
      staffId: 'agent.anna',
      role: 'agent',
      action: 'lookup',
      outcome: 'allowed',
      expiresAtEpochSeconds: Math.floor(clock.now() / 1000) + 3600,
    };
    await stores.audit.append(record);

    await expect(stores.audit.append({ ...record, outcome: 'refused', detail: 'rewritten' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await auditOf(stores, clock)).toEqual([expect.objectContaining({ id: 'fixed-id', outcome: 'allowed' })]);
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(stores.audit)).sort()).toEqual([
      'append',
      'constructor',
      'list',
    ]);
  });
});
