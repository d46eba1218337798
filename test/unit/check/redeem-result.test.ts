import { dailyMetricKey, utcDay } from '../../../functions/core/check/daily-metrics';
import { hashToken } from '../../../functions/core/identifier-hash';
import type { TokenRecord } from '../../../functions/core/ports';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { createRedeemResultHandler } from '../../../functions/handlers/redeem-result';
import { invoke, jsonEvent } from './api-gateway-event';
import { config, createCheckFixture, exposureFor } from './check-fixture';

const MINUTE = 60_000;

async function checkAndTakeToken(email: string) {
  const fixture = createCheckFixture();
  await fixture.stores.exposures.putRecords([
    exposureFor('shared@example.nl', 'subject-1', ['fullName', 'email', 'iban']),
    exposureFor('shared@example.nl', 'subject-2', ['address', 'idDocumentNumber', 'email']),
    { ...exposureFor('shared@example.nl', 'subject-3', ['dateOfBirth']), breachId: 'another-breach' },
  ]);
  await invoke(createCheckHandler(fixture.deps), jsonEvent({ email, locale: 'en' }));
  const job = fixture.emailQueue.jobs.at(-1);
  const token = job?.kind === 'affected' ? job.token : undefined;
  const redeem = createRedeemResultHandler(fixture.deps);
  return {
    ...fixture,
    token,
    redeem: (t = token) => invoke(redeem, jsonEvent({ token: t }, { path: '/api/v1/results' })),
  };
}

describe('POST /api/v1/results', () => {
  it('returns the union of the exposed fields of every record of this breach, sorted by risk, with guidance', async () => {
    const { token, redeem } = await checkAndTakeToken('Shared@example.nl');
    expect(token).toBeDefined();

    const response = await redeem();

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      breach: { id: config.id, organisation: config.organisation.name, title: config.title.en },
      exposed: ['idDocumentNumber', 'iban', 'email', 'address', 'fullName'],
      matchedBy: ['email'],
      recordCount: 2,
      readableSeconds: config.retention.resultWindowMinutes * 60,
      guidance: {
        idDocumentNumber: '/en/guidance/id-document-number',
        iban: '/en/guidance/iban',
        email: '/en/guidance/email',
        address: '/en/guidance/address',
        fullName: '/en/guidance/full-name',
      },
    });
  });

  it('keeps the result readable within the window and answers 410 token_used after it', async () => {
    const { clock, redeem } = await checkAndTakeToken('shared@example.nl');
    expect((await redeem()).status).toBe(200);
    clock.advance(config.retention.resultWindowMinutes * MINUTE - 1000);
    const late = await redeem();
    expect(late.status).toBe(200);
    // What is left of the window, so the page keeps the result in the tab no longer than the API would show it.
    expect((late.body as { readableSeconds: number }).readableSeconds).toBe(1);
    clock.advance(999);
    expect((await redeem()).status).toBe(200);
    clock.advance(1);
    const spent = await redeem();
    expect(spent.status).toBe(410);
    expect(spent.body).toEqual({ error: { code: 'token_used', message: expect.any(String) } });
  });

  it('answers 410 token_expired for a link never opened within its lifetime', async () => {
    const { clock, redeem } = await checkAndTakeToken('shared@example.nl');
    clock.advance(config.retention.tokenHours * 60 * MINUTE);
    const expired = await redeem();
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ error: { code: 'token_expired' } });
  });

  it('answers 404 token_unknown for a token that was never issued, malformed or not', async () => {
    const { redeem } = await checkAndTakeToken('shared@example.nl');
    for (const token of ['A'.repeat(43), 'not a token', '%%%']) {
      const response = await redeem(token);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: 'token_unknown' } });
    }
  });

  it('lets concurrent redemptions all read the result while exactly one opens the window', async () => {
    const { deps, clock, redeem } = await checkAndTakeToken('shared@example.nl');
    const responses = await Promise.all(Array.from({ length: 8 }, () => redeem()));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await deps.counters.get(dailyMetricKey(utcDay(clock.now()), 'redeemed'))).toBe(1);
  });

  it('stores a token on the miss path too, and such a token opens nothing', async () => {
    const fixture = createCheckFixture();
    const created: TokenRecord[] = [];
    const create = fixture.stores.tokens.create.bind(fixture.stores.tokens);
    fixture.deps.tokens = Object.assign(fixture.stores.tokens, {
      create: async (record: TokenRecord) => {
        created.push(record);
        await create(record);
      },
    });
    await invoke(createCheckHandler(fixture.deps), jsonEvent({ email: 'nobody@example.nl' }));
    expect(created).toHaveLength(1);
    expect(fixture.emailQueue.jobs).toEqual([
      { kind: 'not_found', to: 'nobody@example.nl', locale: 'nl', expiresAtEpochSeconds: expect.any(Number) },
    ]);

    // Were the miss token ever known (it is never mailed), redeeming it would still reveal nothing.
    const missToken = 'M'.repeat(43);
    await fixture.stores.tokens.create({ ...(created[0] as TokenRecord), tokenHash: hashToken(missToken) });
    const response = await invoke(
      createRedeemResultHandler(fixture.deps),
      jsonEvent({ token: missToken }, { path: '/api/v1/results' }),
    );
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'token_unknown' } });
  });

  it('rejects a body without a token as 400, not 404', async () => {
    const { deps } = createCheckFixture();
    const response = await invoke(
      createRedeemResultHandler(deps),
      jsonEvent({ tok: 'x' }, { path: '/api/v1/results' }),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'unknown_field' } });
  });
});
