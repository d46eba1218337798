import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../../functions/adapters/memory/memory-stores';
import { identifierKindsIn } from '../../../functions/core/staff/staff-free-text';
import { MAX_ASSIST_PAGE_SIZE } from '../../../functions/core/staff/staff-requests';
import { createStaffConfirmationHandler } from '../../../functions/handlers/staff-confirmation';
import { createStaffListAssistRequestsHandler } from '../../../functions/handlers/staff-list-assist-requests';
import { createStaffLookupHandler } from '../../../functions/handlers/staff-lookup';
import { createStaffUpdateAssistRequestHandler } from '../../../functions/handlers/staff-update-assist-request';
import { agentToken, config, invoke, staffDependencies, staffEvent, testSecretBox } from './staff-fixture';

/*
 * docs/security.md points 6 and 7: what staff write down holds no identifier (a reason from a list, a ticket of the
 * configured shape, a note refused when it holds an email, phone, IBAN or customer number), and the call-back queue
 * is read in pages of at most 20, a limited number of times per agent per hour, each page audited with its ids.
 */

function setUp() {
  const clock = new ManualClock(Date.parse('2026-04-01T10:00:00Z'));
  const stores = createMemoryStores(clock);
  return { clock, stores, deps: staffDependencies(stores, clock) };
}

const lookup = { type: 'phone', value: '06 12345678', reason: 'no_access_to_email', ticket: 'INC-7' };

describe('identifierKindsIn', () => {
  it.each([
    ['mail jan.jansen@example.nl back', ['email']],
    ['call +31 6 1234 5678 after six', ['phone']],
    ['call 06-12345678', ['phone']],
    ['refund to NL91 ABNA 0417 1643 00', ['iban']],
    ['refund to NL91ABNA0417164300', ['iban']],
    ['customer 123456789 called', ['phone', 'customerNumber']],
  ])('finds the identifier in "%s"', (text, kinds) => {
    expect(identifierKindsIn(text, config.customerNumberPattern).sort()).toEqual([...kinds].sort());
  });

  it.each([
    'called, no answer',
    'call back after 18:00 on 12-05',
    'ticket INC-123456 escalated',
    'tried twice, 2 times voicemail',
    'room ab12 call back after lunch',
  ])('lets plain working notes through: "%s"', (text) => {
    expect(identifierKindsIn(text, config.customerNumberPattern)).toEqual([]);
  });
});

describe('staff reasons and tickets', () => {
  it('refuses a free-text reason with 400 invalid_reason in the console language, and audits the refusal', async () => {
    const { deps, stores, clock } = setUp();
    const event = staffEvent({ token: agentToken(), body: { ...lookup, reason: 'mail jan@example.nl about IBAN' } });
    event.headers['accept-language'] = 'en-GB,en;q=0.9';

    const refused = await invoke(createStaffLookupHandler(deps), event);

    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({ code: 'invalid_reason', message: 'Choose one of the reasons in the list.' });
    const audit = await stores.audit.list({ from: 0, to: clock.now() + 1 });
    expect(audit).toEqual([expect.objectContaining({ outcome: 'refused', detail: 'invalid_reason' })]);
    expect(JSON.stringify(audit)).not.toContain('jan@example.nl');
  });

  it('refuses a ticket that does not match the configured pattern, for look-ups and re-sends alike', async () => {
    const { deps } = setUp();
    const badTicket = { ...lookup, ticket: '0612345678' };
    const lookupAnswer = await invoke(
      createStaffLookupHandler(deps),
      staffEvent({ token: agentToken(), body: badTicket }),
    );
    const resend = await invoke(
      createStaffConfirmationHandler(deps),
      staffEvent({
        path: '/api/v1/staff/confirmations',
        token: agentToken(),
        body: { email: 'a@example.nl', reason: 'confirmation_not_received', ticket: 'call me' },
      }),
    );
    expect(lookupAnswer.body.error.code).toBe('invalid_ticket');
    expect(lookupAnswer.body.error.message).toContain('ticketnummer');
    expect(resend.body.error.code).toBe('invalid_ticket');
  });

  it('follows config.staff: another list of reasons and another ticket shape', async () => {
    const { deps } = setUp();
    const custom = { ...deps, config: { ...config, staff: { reasons: ['fraud_check'], ticketPattern: '^SR\\d{5}$' } } };
    const ok = await invoke(
      createStaffLookupHandler(custom),
      staffEvent({ token: agentToken(), body: { ...lookup, reason: 'fraud_check', ticket: 'SR00042' } }),
    );
    const old = await invoke(createStaffLookupHandler(custom), staffEvent({ token: agentToken(), body: lookup }));
    expect(ok.status).toBe(200);
    expect(old.body.error.code).toBe('invalid_reason');
  });
});

describe('the call-back note', () => {
  it.each([
    ['email', 'mail him at jan@example.nl'],
    ['phone', 'call +31 6 1234 5678'],
    ['IBAN', 'refund NL91 ABNA 0417 1643 00'],
  ])('refuses a note with an %s (400 identifier_in_text) and stores nothing', async (_kind, note) => {
    const { deps, stores, clock } = setUp();
    await stores.assistRequests.create({
      id: 'req-1',
      createdAt: clock.now(),
      status: 'open',
      locale: 'nl',
      sealedDetails: await testSecretBox.seal('{"name":"Jan"}'),
      expiresAtEpochSeconds: Math.floor(clock.now() / 1000) + 86400,
    });
    const patch = await invoke(
      createStaffUpdateAssistRequestHandler(deps),
      staffEvent({
        method: 'PATCH',
        path: '/api/v1/staff/assist-requests/req-1',
        pathParameters: { id: 'req-1' },
        token: agentToken(),
        body: { status: 'done', note },
      }),
    );
    expect(patch.status).toBe(400);
    expect(patch.body.error.code).toBe('identifier_in_text');
    expect(patch.body.error.message).toMatch(/^Deze tekst bevat /);
    expect((await stores.assistRequests.listByStatus('open', 20)).map((r) => r.id)).toEqual(['req-1']);
    expect(JSON.stringify(await stores.audit.list({ from: 0, to: clock.now() + 1 }))).not.toContain(note);
  });
});

describe('reading the call-back queue', () => {
  async function seed(stores: ReturnType<typeof createMemoryStores>, clock: ManualClock, count: number) {
    for (let i = 0; i < count; i += 1) {
      await stores.assistRequests.create({
        id: `req-${String(i).padStart(2, '0')}`,
        createdAt: clock.now() + i,
        status: 'open',
        locale: 'nl',
        sealedDetails: await testSecretBox.seal(JSON.stringify({ name: `Caller ${i}` })),
        expiresAtEpochSeconds: Math.floor(clock.now() / 1000) + 86400,
      });
    }
  }
  const listEvent = (query: Record<string, string> = {}) =>
    staffEvent({ method: 'GET', path: '/api/v1/staff/assist-requests', token: agentToken(), query });

  it('shows at most 20 per page, refuses a larger page, and audits the ids shown', async () => {
    const { deps, stores, clock } = setUp();
    await seed(stores, clock, 25);
    const list = createStaffListAssistRequestsHandler(deps);

    const page = await invoke(list, listEvent());
    const tooLarge = await invoke(list, listEvent({ limit: '100' }));

    expect(page.body.items).toHaveLength(MAX_ASSIST_PAGE_SIZE);
    expect(tooLarge.status).toBe(400);
    const [record] = (await stores.audit.list({ from: 0, to: clock.now() + 1 })).filter((r) => r.outcome === 'allowed');
    const shownIds = page.body.items.map((item: { id: string }) => item.id);
    expect(record?.detail).toBe(`status=open;count=20;ids=${shownIds.join(',')}`);
  });

  it('stops an agent after config.limits.assistQueueReadsPerHour reads with 429, audited, until the hour ends', async () => {
    const { deps, stores, clock } = setUp();
    await seed(stores, clock, 1);
    const list = createStaffListAssistRequestsHandler({
      ...deps,
      config: { ...config, limits: { ...config.limits, assistQueueReadsPerHour: 3 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await invoke(list, listEvent())).status);

    expect(statuses).toEqual([200, 200, 200, 429]);
    const audit = await stores.audit.list({ from: 0, to: clock.now() + 1 });
    expect(audit.filter((r) => r.outcome === 'refused').map((r) => r.detail)).toEqual(['rate_limited']);
    clock.advance(60 * 60 * 1000);
    expect((await invoke(list, listEvent())).status).toBe(200);
  });
});
