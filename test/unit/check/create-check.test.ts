import { dailyMetricKey, utcDay } from '../../../functions/core/check/daily-metrics';
import { hashToken } from '../../../functions/core/identifier-hash';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { invoke, jsonEvent } from './api-gateway-event';
import { config, createCheckFixture, exposureFor } from './check-fixture';

describe('POST /api/v1/checks', () => {
  it('answers a hit and a miss with the same status, headers and body', async () => {
    const { deps, stores, emailQueue } = createCheckFixture();
    await stores.exposures.putRecords([exposureFor('hit@example.nl', 'subject-1', ['iban', 'email'])]);
    const handler = createCheckHandler(deps);

    const hit = await invoke(handler, jsonEvent({ email: 'Hit@Example.nl' }));
    const miss = await invoke(handler, jsonEvent({ email: 'miss@example.nl' }));

    expect(hit.status).toBe(202);
    expect(hit.body).toEqual({ status: 'accepted' });
    expect(miss).toEqual(hit);
    expect(emailQueue.jobs).toEqual([
      {
        kind: 'affected',
        to: 'hit@example.nl',
        locale: 'nl',
        token: expect.any(String),
        recordCount: 1,
        expiresAtEpochSeconds: expect.any(Number),
      },
      { kind: 'not_found', to: 'miss@example.nl', locale: 'nl', expiresAtEpochSeconds: expect.any(Number) },
    ]);
  });

  it('stores only the SHA-256 of the mailed token, never the token itself', async () => {
    const { deps, stores, emailQueue } = createCheckFixture();
    await stores.exposures.putRecords([exposureFor('hit@example.nl', 'subject-1', ['iban'])]);
    await invoke(createCheckHandler(deps), jsonEvent({ email: 'hit@example.nl', locale: 'en' }));

    const job = emailQueue.jobs[0];
    if (job?.kind !== 'affected') throw new Error('expected an affected job');
    expect(job.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(job.locale).toBe('en');
    expect(await stores.tokens.get(job.token)).toBeUndefined();
    const stored = await stores.tokens.get(hashToken(job.token));
    expect(stored).toMatchObject({ identifierType: 'email', locale: 'en' });
    expect(stored?.expiresAtEpochSeconds).toBe(
      Math.floor(deps.clock.now() / 1000) + config.retention.tokenHours * 3600,
    );
  });

  it('counts checks, hits and misses per day under keys without identifiers', async () => {
    const { deps, stores } = createCheckFixture();
    await stores.exposures.putRecords([exposureFor('hit@example.nl', 'subject-1', ['iban'])]);
    const handler = createCheckHandler(deps);
    await invoke(handler, jsonEvent({ email: 'hit@example.nl' }));
    await invoke(handler, jsonEvent({ email: 'miss@example.nl' }));
    await invoke(handler, jsonEvent({ email: 'other@example.nl' }));

    const day = utcDay(deps.clock.now());
    expect(await stores.counters.get(dailyMetricKey(day, 'checks'))).toBe(3);
    expect(await stores.counters.get(dailyMetricKey(day, 'hits'))).toBe(1);
    expect(await stores.counters.get(dailyMetricKey(day, 'misses'))).toBe(2);
    expect(dailyMetricKey('2026-03-01', 'assist_requests')).toBe('metric#2026-03-01#assist_requests');
  });

  it('refuses the sixth check of one mailbox within 24 hours, saying when (Amsterdam time) and that call-back is open', async () => {
    const { deps, clock, emailQueue } = createCheckFixture();
    clock.set(Date.parse('2026-03-01T10:00:00Z'));
    const handler = createCheckHandler(deps);
    for (let i = 0; i < config.limits.checksPerAddressPerDay; i += 1) {
      const accepted = await invoke(
        handler,
        jsonEvent({ email: 'target@example.nl' }, { sourceIp: `198.51.100.${i}` }),
      );
      expect(accepted.status).toBe(202);
      clock.advance(10 * 60 * 1000);
    }
    clock.set(Date.parse('2026-03-01T22:00:00Z'));
    const refused = await invoke(handler, jsonEvent({ email: ' TARGET@example.nl' }, { sourceIp: '203.0.113.9' }));

    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    // Rolling: free again 24 hours after the first use (10:00 UTC = 11:00 in Amsterdam), not at midnight UTC.
    expect(refused.headers['retry-after']).toBe(String(12 * 3600));
    expect(JSON.stringify(refused.body)).toContain('morgen na 11:00');
    expect(JSON.stringify(refused.body)).toContain('/nl/assist');
    expect(emailQueue.jobs).toHaveLength(config.limits.checksPerAddressPerDay);

    clock.set(Date.parse('2026-03-02T00:00:01Z'));
    expect((await invoke(handler, jsonEvent({ email: 'target@example.nl' }))).status).toBe(429);
    clock.set(Date.parse('2026-03-02T10:00:01Z'));
    expect((await invoke(handler, jsonEvent({ email: 'target@example.nl' }))).status).toBe(202);
  });

  it('limits checks per IP per minute, whatever the addresses', async () => {
    const { deps, clock } = createCheckFixture();
    clock.set(Date.parse('2026-03-01T12:00:15Z'));
    const handler = createCheckHandler(deps);
    for (let i = 0; i < config.limits.checksPerIpPerMinute; i += 1) {
      expect((await invoke(handler, jsonEvent({ email: `person${i}@example.nl` }))).status).toBe(202);
    }
    const refused = await invoke(handler, jsonEvent({ email: 'another@example.nl' }));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    clock.advance(45_000);
    expect((await invoke(handler, jsonEvent({ email: 'another@example.nl' }))).status).toBe(202);
  });

  it.each([
    { name: 'a missing email', body: {}, code: 'invalid_email' },
    { name: 'an invalid email', body: { email: 'not-an-address' }, code: 'invalid_email' },
    { name: 'an email of the wrong type', body: { email: 42 }, code: 'invalid_email' },
    { name: 'an overlong email', body: { email: `${'a'.repeat(400)}@example.nl` }, code: 'invalid_email' },
    { name: 'an unknown locale', body: { email: 'a@example.nl', locale: 'de' }, code: 'invalid_request' },
    { name: 'an unknown field', body: { email: 'a@example.nl', admin: true }, code: 'unknown_field' },
  ])('rejects $name with 400 $code', async ({ body, code }) => {
    const { deps, emailQueue } = createCheckFixture();
    const response = await invoke(createCheckHandler(deps), jsonEvent(body));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(emailQueue.jobs).toHaveLength(0);
  });

  it('never logs the address, the IP or the token', async () => {
    const { deps, logger } = createCheckFixture();
    deps.emailQueue.enqueue = async () => {
      throw new Error('queue down');
    };
    const response = await invoke(
      createCheckHandler(deps),
      jsonEvent({ email: 'secret@example.nl' }, { sourceIp: '198.51.100.77' }),
    );
    expect(response.status).toBe(500);
    expect(logger.lines.join('\n')).not.toMatch(/secret|example\.nl|198\.51\.100\.77/);
  });
});
