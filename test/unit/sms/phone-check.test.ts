import { dailyMetricKey, utcDay } from '../../../functions/core/check/daily-metrics';
import { hashIdentifier, hashToken } from '../../../functions/core/identifier-hash';
import { smsBudgetKey } from '../../../functions/core/sms/request-phone-check';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { invoke, jsonEvent } from '../check/api-gateway-event';
import { config, createCheckFixture, TEST_PEPPER } from '../check/check-fixture';

/* POST /api/v1/checks with `phone` on memory adapters: the contract of DESIGN §9 without I/O. */

const SMS = config.sms;
if (!SMS) throw new Error('the demo config enables the phone route');

function phoneFixture() {
  const fixture = createCheckFixture();
  const handler = createCheckHandler(fixture.deps);
  const check = (body: unknown, sourceIp = '198.51.100.7') => invoke(handler, jsonEvent(body, { sourceIp }));
  return { ...fixture, check };
}

async function putPhone(fixture: ReturnType<typeof phoneFixture>, e164: string) {
  await fixture.stores.exposures.putRecords([
    {
      identifierHash: hashIdentifier(TEST_PEPPER, 'phone', e164),
      breachId: config.id,
      subjectId: 'subject-phone',
      fields: ['phone', 'fullName'],
    },
  ]);
}

describe('POST /api/v1/checks by phone', () => {
  it('answers a hit and a miss alike and queues one SMS job each, the link token only for the hit', async () => {
    const fixture = phoneFixture();
    await putPhone(fixture, '+31612345678');
    const hit = await fixture.check({ phone: '+31 (0)6 1234 5678', locale: 'en' });
    const miss = await fixture.check({ phone: '06-11111111', locale: 'en' });

    expect(hit).toMatchObject({ status: 202, body: { status: 'accepted' } });
    expect(miss).toEqual(hit);
    expect(fixture.emailQueue.jobs).toEqual([
      {
        channel: 'sms',
        kind: 'affected',
        to: '+31612345678',
        locale: 'en',
        token: expect.any(String),
        expiresAtEpochSeconds: expect.any(Number),
      },
      {
        channel: 'sms',
        kind: 'not_found',
        to: '+31611111111',
        locale: 'en',
        expiresAtEpochSeconds: expect.any(Number),
      },
    ]);
  });

  it('stores a phone token (hash only) and counts the daily metrics on both paths', async () => {
    const fixture = phoneFixture();
    await putPhone(fixture, '+31612345678');
    await fixture.check({ phone: '0612345678' });
    await fixture.check({ phone: '0611111111' });
    const [job] = fixture.emailQueue.jobs;
    if (job?.kind !== 'affected') throw new Error('expected an affected job');
    expect(await fixture.stores.tokens.get(hashToken(job.token))).toMatchObject({ identifierType: 'phone' });
    const day = utcDay(fixture.deps.clock.now());
    expect(await fixture.stores.counters.get(dailyMetricKey(day, 'checks'))).toBe(2);
    expect(await fixture.stores.counters.get(dailyMetricKey(day, 'hits'))).toBe(1);
    expect(await fixture.stores.counters.get(smsBudgetKey(fixture.deps.clock.now()))).toBe(2);
  });

  it.each([
    ['a landline', '020 123 4567', 'phone_not_supported'],
    ['a premium-rate number', '0900 123 4567', 'phone_not_supported'],
    ['a toll-free number', '0800 123 4567', 'phone_not_supported'],
    ['a foreign mobile', '+32 471 23 45 67', 'phone_not_supported'],
    ['a pager number', '066 1234567', 'phone_not_supported'],
    ['a malformed number', '06-1234', 'invalid_phone'],
    ['letters', 'call me', 'invalid_phone'],
    ['an overlong input', '0'.repeat(41), 'invalid_phone'],
    ['a number as a JSON number', 612345678, 'invalid_phone'],
  ])('refuses %s with 400 %s and queues nothing', async (_name, phone, code) => {
    const fixture = phoneFixture();
    const response = await fixture.check({ phone });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(fixture.emailQueue.jobs).toEqual([]);
  });

  it('refuses an email and a phone in one body with 400 email_or_phone', async () => {
    const fixture = phoneFixture();
    const response = await fixture.check({ email: 'a@example.nl', phone: '0612345678' });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'email_or_phone' } } });
  });

  it('refuses every phone number alike when the config has no sms section', async () => {
    const fixture = phoneFixture();
    const { sms: _off, ...withoutSms } = config;
    const handler = createCheckHandler({ ...fixture.deps, config: withoutSms });
    const response = await invoke(handler, jsonEvent({ phone: '0612345678' }));
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'phone_not_supported' } } });
  });

  it('limits checks per number per day, in every notation of the number', async () => {
    const fixture = phoneFixture();
    const notations = ['0612345678', '+31612345678', '0031 6 12345678', '06 12 34 56 78'];
    for (let i = 0; i < SMS.checksPerNumberPerDay; i += 1) {
      expect((await fixture.check({ phone: notations[i % notations.length] }, `198.51.100.${i}`)).status).toBe(202);
    }
    const refused = await fixture.check({ phone: '+31 6 1234 5678' }, '203.0.113.1');
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(fixture.emailQueue.jobs).toHaveLength(SMS.checksPerNumberPerDay);
  });

  it('limits phone checks per IP per hour, whatever the numbers', async () => {
    const fixture = phoneFixture();
    for (let i = 0; i < SMS.checksPerIpPerHour; i += 1) {
      fixture.clock.advance(61_000); // past the per-minute limit, within the hour
      expect((await fixture.check({ phone: `06${String(20000000 + i)}` })).status).toBe(202);
    }
    fixture.clock.advance(61_000);
    const refused = await fixture.check({ phone: '0633333333' });
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
  });

  it('refuses every number alike once the day budget is spent, until midnight UTC', async () => {
    const fixture = phoneFixture();
    fixture.clock.set(Date.parse('2026-03-01T22:00:00Z'));
    await putPhone(fixture, '+31612345678');
    // The budget is spent by everyone's checks: set today's count to the budget.
    for (let i = 0; i < SMS.dailyBudget; i += 1) {
      await fixture.stores.counters.increment(smsBudgetKey(fixture.clock.now()), 2_000_000_000);
    }
    const hit = await fixture.check({ phone: '0612345678' }, '198.51.100.1');
    const miss = await fixture.check({ phone: '0611111111' }, '198.51.100.2');
    expect(hit.status).toBe(429);
    expect(hit.body).toEqual({ error: { code: 'sms_budget_exhausted', message: expect.any(String) } });
    expect(hit.headers['retry-after']).toBe('7200');
    expect(miss).toEqual(hit);
    expect(fixture.emailQueue.jobs).toEqual([]);

    fixture.clock.set(Date.parse('2026-03-02T00:00:01Z'));
    expect((await fixture.check({ phone: '0612345678' }, '198.51.100.3')).status).toBe(202);
  });
});
