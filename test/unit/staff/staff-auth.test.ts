import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../../functions/adapters/memory/memory-stores';
import type { PortalError } from '../../../functions/core/errors';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import type { AuditLog } from '../../../functions/core/ports';
import { mayPerform, roleFromGroups } from '../../../functions/core/staff/staff-roles';
import { createStaffAuditHandler } from '../../../functions/handlers/staff-audit';
import { createStaffLookupHandler } from '../../../functions/handlers/staff-lookup';
import { httpStatusOf } from '../../../functions/http/error-status';
import {
  agentToken,
  config,
  invoke,
  issuer,
  RecordingLogger,
  staffDependencies,
  staffEvent,
  supervisorToken,
  TEST_PEPPER,
} from './staff-fixture';

/* The staff-auth middleware and the audit-before-answer rule, on memory stores (no I/O). */

const lookup = { type: 'phone', value: '06 12345678', reason: 'caller_asked_what_leaked', ticket: 'INC-1001' };

function setUp() {
  const clock = new ManualClock();
  const stores = createMemoryStores(clock);
  return { clock, stores, deps: staffDependencies(stores, clock) };
}

describe('staff roles', () => {
  it('lets agents help callers but keeps the audit log and metrics for supervisors', () => {
    expect(mayPerform('agent', 'lookup')).toBe(true);
    expect(mayPerform('agent', 'update_assist_request')).toBe(true);
    expect(mayPerform('agent', 'read_audit')).toBe(false);
    expect(mayPerform('agent', 'read_metrics')).toBe(false);
    expect(mayPerform('supervisor', 'read_audit')).toBe(true);
  });

  it('takes the most powerful staff group and refuses accounts in none', () => {
    expect(roleFromGroups(['agent', 'supervisor'])).toBe('supervisor');
    expect(roleFromGroups(['agent'])).toBe('agent');
    expect(() => roleFromGroups(['marketing'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(httpStatusOf(thrownBy(() => roleFromGroups(['marketing'])))).toBe(403);
    expect(() => roleFromGroups(undefined)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('staff-auth middleware', () => {
  it('refuses a call without a token with 401 and audits it as refused before answering', async () => {
    const { deps, stores, clock } = setUp();
    const response = await invoke(createStaffLookupHandler(deps), staffEvent({ body: lookup }));

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
    const records = await stores.audit.list({ from: 0, to: clock.now() });
    expect(records).toEqual([
      expect.objectContaining({
        staffId: 'unknown',
        action: 'lookup',
        outcome: 'refused',
        detail: 'unauthorized:missing_token',
      }),
    ]);
  });

  it('checks the token before the body: a stranger gets 401 even for a broken body', async () => {
    const { deps } = setUp();
    const event = staffEvent({ authorization: 'Bearer not-a-jwt', body: { nonsense: true } });
    expect((await invoke(createStaffLookupHandler(deps), event)).status).toBe(401);
  });

  it('answers 403 to an agent asking for the audit log, and audits the refusal under the agent', async () => {
    const { deps, stores, clock } = setUp();
    const event = staffEvent({
      method: 'GET',
      path: '/api/v1/staff/audit',
      token: agentToken(),
      query: { from: '2026-03-01' },
    });
    const response = await invoke(createStaffAuditHandler(deps), event);

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(await stores.audit.list({ from: 0, to: clock.now() })).toEqual([
      expect.objectContaining({
        staffId: 'agent.anna',
        role: 'agent',
        action: 'read_audit',
        outcome: 'refused',
        detail: 'forbidden',
      }),
    ]);
  });

  it('writes exactly one audit record per call, with the hashed subject and never the value typed in', async () => {
    const { deps, stores, clock } = setUp();
    const response = await invoke(
      createStaffLookupHandler(deps),
      staffEvent({ token: supervisorToken(), body: lookup }),
    );

    expect(response.status).toBe(200);
    const records = await stores.audit.list({ from: 0, to: clock.now() });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      staffId: 'supervisor.sam',
      outcome: 'allowed',
      reason: lookup.reason,
      ticket: lookup.ticket,
      subjectHash: hashIdentifier(TEST_PEPPER, 'phone', '+31612345678'),
    });
    expect(JSON.stringify(records)).not.toMatch(/12345678/);
  });

  it('audits a call that fails inside as an error, with the failure named and nothing answered', async () => {
    const { deps, stores, clock } = setUp();
    const failingExposures = {
      ...stores.exposures,
      findByIdentifier: async () => {
        throw new Error('socket hang up');
      },
      putRecords: async () => {},
    };
    const handler = createStaffLookupHandler({ ...deps, exposures: failingExposures });
    const response = await invoke(handler, staffEvent({ token: agentToken(), body: lookup }));

    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('internal_error');
    expect(await stores.audit.list({ from: 0, to: clock.now() })).toEqual([
      expect.objectContaining({ staffId: 'agent.anna', outcome: 'error', detail: 'internal_error' }),
    ]);
  });

  it('answers nothing (503) when the audit log cannot be written', async () => {
    const { deps } = setUp();
    const brokenAudit: AuditLog = {
      append: async () => {
        throw new Error('ProvisionedThroughputExceededException');
      },
      list: async () => [],
    };
    const logger = new RecordingLogger();
    const handler = createStaffLookupHandler({ ...deps, audit: brokenAudit, logger });
    const response = await invoke(handler, staffEvent({ token: agentToken(), body: lookup }));

    expect(response.status).toBe(503);
    expect(response.body).toEqual({ error: { code: 'service_unavailable', message: expect.any(String) } });
    expect(response.body).not.toHaveProperty('found');
  });

  it('refuses a token signed by another key for the same issuer name', async () => {
    const { deps } = setUp();
    const { createLocalStaffIssuer, generateStaffSigningKey } = await import('../../../functions/local/staff-issuer');
    const forged = createLocalStaffIssuer(generateStaffSigningKey(), issuer.issuer).issueToken({
      staffId: 'mallory',
      role: 'supervisor',
    });
    const response = await invoke(createStaffLookupHandler(deps), staffEvent({ token: forged, body: lookup }));
    expect(response.status).toBe(401);
    expect(config.limits.staffLookupsPerHour).toBeGreaterThan(0);
  });
});

function thrownBy(run: () => unknown): PortalError {
  try {
    run();
  } catch (error) {
    return error as PortalError;
  }
  throw new Error('expected a throw');
}
