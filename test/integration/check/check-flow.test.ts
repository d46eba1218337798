import { dailyMetricKey, utcDay } from '../../../functions/core/check/daily-metrics';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { config, TEST_ORIGIN, TEST_PEPPER } from '../../unit/check/check-fixture';
import { type CheckStack, startCheckStack, tokenFromMail } from './check-stack';

/* The customer check flow end to end on dynalite and the SES emulator (issue 4). */

let stack: CheckStack;

beforeAll(async () => {
  stack = await startCheckStack();
  const exposure = (
    email: string,
    subjectId: string,
    fields: Parameters<typeof stack.stores.exposures.putRecords>[0][0]['fields'],
  ) => ({
    identifierHash: hashIdentifier(TEST_PEPPER, 'email', email),
    breachId: config.id,
    subjectId,
    fields,
  });
  await stack.stores.exposures.putRecords([
    exposure('anna@example.nl', 'subject-anna', ['fullName', 'email', 'phone', 'iban']),
    exposure('family@example.nl', 'subject-father', ['fullName', 'email', 'address']),
    exposure('family@example.nl', 'subject-mother', ['dateOfBirth', 'idDocumentNumber', 'idDocumentValidity']),
    exposure('race@example.nl', 'subject-race', ['email']),
    exposure('window@example.nl', 'subject-window', ['email']),
  ]);
});

afterAll(() => stack.stop());

beforeEach(() => stack.ses.clearStore());

it('mails an affected customer a result link whose token returns the exposed fields and record count', async () => {
  const response = await stack.check({ email: ' Family@Example.NL ', locale: 'en' }, '198.51.100.1');
  expect(response).toMatchObject({ status: 202, body: { status: 'accepted' } });
  await stack.queue.idle();

  const [mail] = await stack.ses.readStore();
  expect(mail?.destination.to).toEqual(['family@example.nl']);
  expect(mail?.from).toContain(config.sender.address);
  expect(mail?.replyTo).toEqual([config.sender.replyTo]);
  expect(mail?.body.html).toContain(`href="${TEST_ORIGIN}/en/result#t=`);
  const token = await tokenFromMail(stack.ses, 'family@example.nl');

  const result = await stack.redeem(token);
  expect(result.status).toBe(200);
  expect(result.body).toEqual({
    breach: { id: config.id, organisation: config.organisation.name, title: config.title.en },
    exposed: ['idDocumentNumber', 'idDocumentValidity', 'email', 'dateOfBirth', 'address', 'fullName'],
    matchedBy: ['email'],
    recordCount: 2,
    readableSeconds: config.retention.resultWindowMinutes * 60,
    guidance: expect.objectContaining({ idDocumentNumber: '/en/guidance/id-document-number' }),
  });
});

it('answers a miss exactly as a hit, and mails it a no-record message without a token', async () => {
  const hit = await stack.check({ email: 'anna@example.nl' }, '198.51.100.2');
  const miss = await stack.check({ email: 'nobody@example.nl' }, '198.51.100.2');
  expect(miss).toEqual(hit);
  expect(miss.status).toBe(202);
  await stack.queue.idle();

  const mails = await stack.ses.readStore();
  const missMail = mails.find((mail) => mail.destination.to.includes('nobody@example.nl'));
  const hitMail = mails.find((mail) => mail.destination.to.includes('anna@example.nl'));
  expect(missMail?.subject).toBe(hitMail?.subject);
  expect(missMail?.body.text).toContain(`${TEST_ORIGIN}/nl/assist`);
  expect(missMail?.body.text).not.toMatch(/#t=/);
  expect(missMail?.body.html).not.toMatch(/#t=/);
});

it('keeps a redeemed result readable for the window, then answers 410 token_used', async () => {
  await stack.check({ email: 'window@example.nl' }, '198.51.100.3');
  await stack.queue.idle();
  const token = await tokenFromMail(stack.ses, 'window@example.nl');

  expect((await stack.redeem(token)).status).toBe(200);
  stack.clock.advance(config.retention.resultWindowMinutes * 60_000 - 1000);
  expect((await stack.redeem(token)).status).toBe(200);
  stack.clock.advance(1000);
  const spent = await stack.redeem(token);
  expect(spent.status).toBe(410);
  expect(spent.body).toEqual({ error: { code: 'token_used', message: expect.any(String) } });
  expect((await stack.redeem('x'.repeat(43))).body).toMatchObject({ error: { code: 'token_unknown' } });
});

it('lets concurrent redemptions all read the result while the conditional write wins once', async () => {
  await stack.check({ email: 'race@example.nl' }, '198.51.100.4');
  await stack.queue.idle();
  const token = await tokenFromMail(stack.ses, 'race@example.nl');
  const redeemedKey = dailyMetricKey(utcDay(stack.clock.now()), 'redeemed');
  const before = await stack.stores.counters.get(redeemedKey);

  const responses = await Promise.all(Array.from({ length: 6 }, () => stack.redeem(token)));

  expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(new Set(responses.map((response) => JSON.stringify(response.body))).size).toBe(1);
  expect(await stack.stores.counters.get(redeemedKey)).toBe(before + 1);
});

it('refuses the address past its daily limit with 429 and Retry-After, from any IP, without mailing', async () => {
  for (let i = 0; i < config.limits.checksPerAddressPerDay; i += 1) {
    expect((await stack.check({ email: 'bombed@example.nl' }, `203.0.113.${i}`)).status).toBe(202);
  }
  const refused = await stack.check({ email: 'bombed@example.nl' }, '203.0.113.99');
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(86_400);
  await stack.queue.idle();
  expect((await stack.ses.readStore()).length).toBe(config.limits.checksPerAddressPerDay);
});

it('refuses an IP past its per-minute limit with 429 and Retry-After', async () => {
  const statuses: number[] = [];
  for (let i = 0; i <= config.limits.checksPerIpPerMinute; i += 1) {
    statuses.push((await stack.check({ email: `visitor${i}@example.nl` }, '192.0.2.200')).status);
  }
  expect(statuses.slice(0, -1).every((status) => status === 202)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const again = await stack.check({ email: 'visitor-last@example.nl' }, '192.0.2.200');
  expect(again.status).toBe(429);
  expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
});
