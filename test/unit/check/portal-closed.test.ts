import { createAssistRequestHandler } from '../../../functions/handlers/create-assist-request';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { invoke, jsonEvent } from './api-gateway-event';
import { config, createCheckFixture, exposureFor } from './check-fixture';

describe('after the configured closing date', () => {
  const dayAfterClosing = Date.parse(`${config.closingDate}T00:00:00Z`) + 24 * 60 * 60 * 1000;

  it('refuses checks with 410 portal_closed, the same for an address in the breach and one not in it', async () => {
    const { deps, stores, clock, emailQueue } = createCheckFixture();
    await stores.exposures.putRecords([exposureFor('hit@example.nl', 'subject-1', ['iban'])]);
    clock.set(dayAfterClosing);
    const handler = createCheckHandler(deps);

    const hit = await invoke(handler, jsonEvent({ email: 'hit@example.nl' }));
    const miss = await invoke(handler, jsonEvent({ email: 'miss@example.nl' }));

    expect(hit.status).toBe(410);
    expect(hit.body).toEqual({ error: { code: 'portal_closed', message: expect.any(String) } });
    expect(miss).toEqual(hit);
    expect(emailQueue.jobs).toEqual([]);
  });

  it('still accepts checks on the closing date itself', async () => {
    const { deps, clock } = createCheckFixture();
    clock.set(Date.parse(`${config.closingDate}T12:00:00Z`));
    const accepted = await invoke(createCheckHandler(deps), jsonEvent({ email: 'someone@example.nl' }));
    expect(accepted.status).toBe(202);
  });

  it('refuses new assisted-lookup requests', async () => {
    const { deps, clock } = createCheckFixture();
    clock.set(dayAfterClosing);
    const secretBox = { seal: async (text: string) => text, open: async (text: string) => text };
    const handler = createAssistRequestHandler({ ...deps, secretBox });
    const refused = await invoke(
      handler,
      jsonEvent({ name: 'A. Klant', phone: '0612345678', preferredTime: 'morning', locale: 'nl' }),
    );
    expect(refused.status).toBe(410);
    expect(refused.body).toMatchObject({ error: { code: 'portal_closed' } });
  });
});
