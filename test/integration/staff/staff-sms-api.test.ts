import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { createStaffConfirmationHandler } from '../../../functions/handlers/staff-confirmation';
import { agentToken, config, invoke, staffEvent, TEST_PEPPER } from '../../unit/staff/staff-fixture';
import { auditOf, PHONE_HASH, useStaffDynamo } from './staff-api-fixture';

/*
 * An agent sends the caller the result link by SMS to the number on record (issue 14), instead of reading fields out:
 * POST /api/v1/staff/confirmations with `phone`. Audited like every staff call, on real dynalite.
 */

const setUp = useStaffDynamo();
const smsConfirmation = { phone: '06 12345678', reason: 'confirmation_not_received', ticket: 'INC-3003' };
const send = (deps: Parameters<typeof createStaffConfirmationHandler>[0], body: unknown) =>
  invoke(
    createStaffConfirmationHandler(deps),
    staffEvent({ path: '/api/v1/staff/confirmations', token: agentToken(), body }),
  );

describe('POST /api/v1/staff/confirmations by phone', () => {
  it('queues the result link by SMS to the number on record and audits the hashed number', async () => {
    const { deps, stores, clock } = setUp();
    await stores.exposures.putRecords([
      { identifierHash: PHONE_HASH, breachId: config.id, subjectId: 's-1', fields: ['fullName', 'phone'] },
    ]);

    const response = await send(deps, { ...smsConfirmation, locale: 'en' });

    expect(response).toMatchObject({ status: 202, body: { status: 'accepted' } });
    expect(deps.emailQueue.jobs).toEqual([
      {
        channel: 'sms',
        kind: 'affected',
        to: '+31612345678',
        locale: 'en',
        token: expect.any(String),
        expiresAtEpochSeconds: expect.any(Number),
      },
    ]);
    expect(await auditOf({ stores, clock })).toEqual([
      expect.objectContaining({
        action: 'confirmation',
        outcome: 'allowed',
        detail: 'sms_queued',
        reason: smsConfirmation.reason,
        ticket: smsConfirmation.ticket,
        subjectHash: hashIdentifier(TEST_PEPPER, 'phone', '+31612345678'),
      }),
    ]);
    // Nothing in the audit record holds the number itself.
    expect(JSON.stringify(await auditOf({ stores, clock }))).not.toMatch(/612345678/);
  });

  it('refuses a landline and a body with both email and phone, and texts nobody', async () => {
    const { deps } = setUp();
    const landline = await send(deps, { ...smsConfirmation, phone: '020 123 4567' });
    const both = await send(deps, { ...smsConfirmation, email: 'a@example.nl' });
    expect(landline).toMatchObject({ status: 400, body: { error: { code: 'phone_not_supported' } } });
    expect(both).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect(deps.emailQueue.jobs).toEqual([]);
  });

  it('keeps the per-number daily limit, and audits the refusal', async () => {
    const { deps, stores, clock } = setUp();
    const limit = config.sms?.checksPerNumberPerDay ?? 0;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i += 1) statuses.push((await send(deps, smsConfirmation)).status);
    expect(statuses).toEqual([...Array(limit).fill(202), 429]);
    const outcomes = (await auditOf({ stores, clock })).map((record) => `${record.outcome}:${record.detail}`);
    expect(outcomes.sort()).toEqual([...Array(limit).fill('allowed:sms_queued'), 'refused:rate_limited']);
  });
});
