import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../../functions/adapters/memory/memory-stores';
import { createStaffLookupHandler } from '../../../functions/handlers/staff-lookup';
import { agentToken, invoke, staffDependencies, staffEvent } from './staff-fixture';

/* Request validation: the console shows the agent exactly which field is missing; refusals are audited too. */

const valid = {
  type: 'customerNumber',
  value: '100000001',
  reason: 'caller_asked_what_leaked',
  ticket: 'INC-42',
};

async function lookUp(body: Record<string, unknown>) {
  const clock = new ManualClock();
  const stores = createMemoryStores(clock);
  const response = await invoke(
    createStaffLookupHandler(staffDependencies(stores, clock)),
    staffEvent({ token: agentToken(), body }),
  );
  return { response, audit: await stores.audit.list({ from: 0, to: clock.now() }) };
}

describe('staff lookup request validation', () => {
  it.each([
    ['reason missing', { ...valid, reason: undefined }, 'missing_reason'],
    ['reason blank', { ...valid, reason: '   ' }, 'missing_reason'],
    ['reason too long', { ...valid, reason: 'x'.repeat(301) }, 'invalid_reason'],
    ['ticket missing', { ...valid, ticket: undefined }, 'missing_ticket'],
    ['ticket empty', { ...valid, ticket: '' }, 'missing_ticket'],
    ['ticket not a ticket number', { ...valid, ticket: 'see email from Jan' }, 'invalid_ticket'],
    ['unknown field', { ...valid, export: true }, 'unknown_field'],
    ['unknown identifier type', { ...valid, type: 'iban' }, 'invalid_request'],
    ['invalid phone', { ...valid, type: 'phone', value: '12' }, 'invalid_phone'],
    ['customer number off pattern', { ...valid, value: 'ABC' }, 'invalid_customer_number'],
  ])('answers 400 for %s and audits the refusal', async (_case, body, code) => {
    const { response, audit } = await lookUp(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(audit).toEqual([expect.objectContaining({ outcome: 'refused', detail: code, staffId: 'agent.anna' })]);
  });

  it('accepts a complete request', async () => {
    const { response } = await lookUp(valid);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ found: false, exposed: [], records: 0, guidance: {}, locale: 'nl' });
  });
});
