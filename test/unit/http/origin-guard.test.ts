import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../../functions/adapters/memory/memory-stores';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { createRedeemResultHandler } from '../../../functions/handlers/redeem-result';
import { createStaffLookupHandler } from '../../../functions/handlers/staff-lookup';
import { createOriginGuard, ORIGIN_VERIFY_HEADER } from '../../../functions/http/origin-guard';
import { TEST_ORIGIN_SECRET } from '../../support/test-origin';
import { apiEvent, invoke, jsonEvent } from '../check/api-gateway-event';
import { createCheckFixture } from '../check/check-fixture';
import { agentToken, staffDependencies, staffEvent } from '../staff/staff-fixture';

/*
 * Point 1 of docs/security.md: a caller that goes around CloudFront (the public execute-api URL) gets 403
 * forbidden_origin before any work — no pepper fetched, no counter, no lookup, no queue job, no audit record.
 */

describe('the origin check in front of every handler', () => {
  it('refuses a direct check without the CloudFront header and does no work', async () => {
    const { deps, emailQueue } = createCheckFixture();
    let pepperReads = 0;
    const handler = createCheckHandler({
      ...deps,
      pepper: async () => {
        pepperReads += 1;
        return deps.pepper();
      },
    });

    const direct = await invoke(handler, jsonEvent({ email: 'a@example.nl' }, { withoutCdnHeader: true }));

    expect(direct.status).toBe(403);
    expect(direct.body).toEqual({ error: { code: 'forbidden_origin', message: expect.any(String) } });
    expect(pepperReads).toBe(0);
    expect(emailQueue.jobs).toEqual([]);
  });

  it('refuses a wrong value and a non-JSON body alike: the origin is checked before the body', async () => {
    const { deps } = createCheckFixture();
    const handler = createCheckHandler(deps);
    const wrong = jsonEvent({ email: 'a@example.nl' });
    wrong.headers[ORIGIN_VERIFY_HEADER] = `${TEST_ORIGIN_SECRET}x`;
    const garbage = apiEvent({ body: '{', contentType: 'text/plain', withoutCdnHeader: true });

    expect((await invoke(handler, wrong)).status).toBe(403);
    expect((await invoke(handler, garbage)).body).toMatchObject({ error: { code: 'forbidden_origin' } });
  });

  it('refuses a direct /results call', async () => {
    const { deps } = createCheckFixture();
    const direct = await invoke(
      createRedeemResultHandler(deps),
      jsonEvent({ token: 'x' }, { path: '/api/v1/results', withoutCdnHeader: true }),
    );
    expect(direct.status).toBe(403);
  });

  it('refuses a direct staff call with a valid token and writes no audit record', async () => {
    const clock = new ManualClock();
    const stores = createMemoryStores(clock);
    const handler = createStaffLookupHandler(staffDependencies(stores, clock));
    const event = staffEvent({
      token: await agentToken(),
      body: { type: 'phone', value: '0612345678', reason: 'callback_request', ticket: 'INC-1' },
    });
    delete event.headers[ORIGIN_VERIFY_HEADER];

    const direct = await invoke(handler, event);

    expect(direct.status).toBe(403);
    expect(direct.body).toMatchObject({ error: { code: 'forbidden_origin' } });
    expect(await stores.audit.list({ from: 0, to: clock.now() + 1 })).toEqual([]);
  });
});

describe('createOriginGuard (Secrets Manager deployed)', () => {
  it('accepts the current and the previous value, so a rotation has no downtime', async () => {
    const guard = createOriginGuard(async () => ['new-value', 'old-value'], new ManualClock());
    expect(await guard.accepts('new-value')).toBe(true);
    expect(await guard.accepts('old-value')).toBe(true);
    expect(await guard.accepts('older-value')).toBe(false);
    expect(await guard.accepts(undefined)).toBe(false);
    expect(await guard.accepts('')).toBe(false);
  });

  it('fetches once per container, and again at most once a minute when an unknown value arrives', async () => {
    const clock = new ManualClock();
    let loads = 0;
    let values = ['first'];
    const guard = createOriginGuard(async () => {
      loads += 1;
      return values;
    }, clock);

    await guard.accepts('first');
    await guard.accepts('first');
    expect(loads).toBe(1);

    values = ['second', 'first'];
    expect(await guard.accepts('second')).toBe(false);
    expect(await guard.accepts('guess')).toBe(false);
    expect(loads).toBe(1);

    clock.advance(61_000);
    expect(await guard.accepts('second')).toBe(true);
    expect(loads).toBe(2);
    expect(await guard.accepts('first')).toBe(true);
  });

  it('does not cache a failed fetch', async () => {
    let fail = true;
    const guard = createOriginGuard(async () => {
      if (fail) throw new Error('Secrets Manager unavailable');
      return ['value'];
    }, new ManualClock());
    await expect(guard.accepts('value')).rejects.toThrow('unavailable');
    fail = false;
    expect(await guard.accepts('value')).toBe(true);
  });
});
