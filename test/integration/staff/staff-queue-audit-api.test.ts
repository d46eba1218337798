import { dailyMetricKey, utcDay } from '../../../functions/core/check/daily-metrics';
import type { AuditRecord } from '../../../functions/core/ports';
import { createStaffAuditHandler } from '../../../functions/handlers/staff-audit';
import { createStaffListAssistRequestsHandler } from '../../../functions/handlers/staff-list-assist-requests';
import { createStaffLookupHandler } from '../../../functions/handlers/staff-lookup';
import { createStaffMetricsHandler } from '../../../functions/handlers/staff-metrics';
import { createStaffUpdateAssistRequestHandler } from '../../../functions/handlers/staff-update-assist-request';
import { agentToken, invoke, issuer, staffEvent, supervisorToken, testSecretBox } from '../../unit/staff/staff-fixture';
import { auditOf, lookup, PHONE_HASH, useStaffDynamo } from './staff-api-fixture';

/*
 * The call-back queue, the audit log and the metrics on real dynalite, for each role; and the audit table's
 * append-only guarantee.
 */

const setUp = useStaffDynamo();

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

    const records = await auditOf({ stores, clock });
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
    expect((await auditOf({ stores, clock })).map((record) => record.outcome)).toEqual(['refused', 'refused']);
  });
});

describe('claiming a call-back', () => {
  it('assigns it to the agent who claims it, refuses another agent with 409, and audits both', async () => {
    const { deps, stores, clock } = setUp();
    await stores.assistRequests.create({
      id: 'req-2',
      createdAt: clock.now(),
      status: 'open',
      locale: 'en',
      sealedDetails: await testSecretBox.seal(JSON.stringify({ name: 'Piet', preferredTime: 'any' })),
      expiresAtEpochSeconds: Math.floor(clock.now() / 1000) + 86400,
    });
    const update = createStaffUpdateAssistRequestHandler(deps);
    const claim = (token: string, claimed: 'take' | 'release') =>
      invoke(
        update,
        staffEvent({
          method: 'PATCH',
          pathParameters: { id: 'req-2' },
          token,
          body: { status: 'in_progress', claim: claimed },
        }),
      );

    const taken = await claim(agentToken(), 'take');
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ assignee: 'agent.anna', status: 'in_progress' });
    const refused = await claim(supervisorToken(), 'take');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('assist_request_claimed');
    const released = await claim(agentToken(), 'release');
    expect(released.body).not.toHaveProperty('assignee');
    expect(
      (
        await invoke(
          update,
          staffEvent({
            method: 'PATCH',
            pathParameters: { id: 'req-2' },
            token: agentToken(),
            body: { status: 'open', claim: 'grab' },
          }),
        )
      ).status,
    ).toBe(400);

    const details = (await auditOf({ stores, clock })).map((record) => `${record.outcome} ${record.detail ?? ''}`);
    expect(details).toEqual(
      expect.arrayContaining([
        'allowed id=req-2;status=in_progress;claim=take',
        'refused id=req-2;claimed_by_other',
        'allowed id=req-2;status=in_progress;claim=release',
      ]),
    );
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
    expect(await auditOf({ stores, clock })).toEqual([
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
    expect(await auditOf({ stores, clock })).toEqual([expect.objectContaining({ id: 'fixed-id', outcome: 'allowed' })]);
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(stores.audit)).sort()).toEqual([
      'append',
      'constructor',
      'list',
    ]);
  });
});
