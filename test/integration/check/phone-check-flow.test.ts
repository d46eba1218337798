import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { smsBudgetKey } from '../../../functions/core/sms/request-phone-check';
import { config, TEST_ORIGIN, TEST_PEPPER } from '../../unit/check/check-fixture';
import { type CheckStack, startCheckStack } from './check-stack';

/*
 * The phone check end to end (issue 14) on dynalite and the SMS outbox emulator, through the real SDK client:
 * POST /checks with a phone → SMS job on the queue → SendTextMessage → the text → its link → the result.
 */

let stack: CheckStack;
const RESULT_LINK = /(https?:\/\/\S+)\/(nl|en)\/result#t=([A-Za-z0-9_-]{43})/;

beforeAll(async () => {
  stack = await startCheckStack();
  await stack.stores.exposures.putRecords([
    {
      identifierHash: hashIdentifier(TEST_PEPPER, 'phone', '+31687654321'),
      breachId: config.id,
      subjectId: 'subject-no-email',
      fields: ['fullName', 'address', 'phone', 'customerNumber', 'dateOfBirth'],
    },
  ]);
});

afterAll(() => stack.stop());

beforeEach(() => Promise.all([stack.sms.clearStore(), stack.ses.clearStore()]));

async function textsTo(number: string) {
  await stack.queue.idle();
  return (await stack.sms.readStore()).filter((text) => text.destinationPhoneNumber === number);
}

it('texts an affected number a result link whose token returns the exposed fields, matched by phone', async () => {
  const response = await stack.check({ phone: '06-87 65 43 21', locale: 'en' }, '198.51.100.11');
  expect(response).toMatchObject({ status: 202, body: { status: 'accepted' } });

  const [text, ...more] = await textsTo('+31687654321');
  expect(more).toEqual([]);
  expect(text).toMatchObject({
    originationIdentity: config.sms?.senderId,
    messageType: 'TRANSACTIONAL',
    configurationSetName: 'test',
  });
  const link = text?.messageBody.match(RESULT_LINK);
  expect(link?.[1]).toBe(TEST_ORIGIN);
  expect(link?.[2]).toBe('en');

  const result = await stack.redeem(link?.[3] ?? '');
  expect(result.status).toBe(200);
  expect(result.body).toEqual({
    breach: { id: config.id, organisation: config.organisation.name, title: config.title.en },
    exposed: ['phone', 'dateOfBirth', 'address', 'fullName', 'customerNumber'],
    matchedBy: ['phone'],
    recordCount: 1,
    readableSeconds: 1800,
    guidance: expect.objectContaining({ phone: '/en/guidance/phone' }),
  });
  expect(await stack.ses.readStore()).toEqual([]);
});

it('texts a number not in the breach the support route and no link', async () => {
  expect((await stack.check({ phone: '+31 6 11111111' }, '198.51.100.12')).status).toBe(202);
  const [text] = await textsTo('+31611111111');
  expect(text?.messageBody).toContain(config.support.nl.phone);
  expect(text?.messageBody).not.toMatch(/result|#t=/);
});

it('answers a phone hit and a phone miss with the same status, headers and body', async () => {
  const hit = await stack.check({ phone: '0687654321' }, '198.51.100.13');
  const miss = await stack.check({ phone: '0622222222' }, '198.51.100.13');
  expect(hit.status).toBe(202);
  expect(miss).toEqual(hit);
  expect(Object.keys(miss.headers).sort()).toEqual(Object.keys(hit.headers).sort());
  expect(await textsTo('+31622222222')).toHaveLength(1);
});

it('keeps the numbers, the IP and the token out of the counters and tokens tables', async () => {
  await stack.check({ phone: '06 87654321' }, '198.51.100.77');
  await stack.queue.idle();
  const [text] = await textsTo('+31687654321');
  const token = text?.messageBody.match(RESULT_LINK)?.[3] ?? 'no-token';
  for (const table of [stack.dynamo.tableNames.counters, stack.dynamo.tableNames.tokens]) {
    const { Items = [] } = await stack.dynamo.client.send(new ScanCommand({ TableName: table }));
    const dump = JSON.stringify(Items);
    expect(Items.length).toBeGreaterThan(0);
    for (const secret of ['687654321', '611111111', '198.51.100.77', token]) expect(dump).not.toContain(secret);
  }
});

it('refuses unsupported numbers with their codes and texts nobody', async () => {
  const cases = [
    ['020 123 4567', 'phone_not_supported'],
    ['0900 123 4567', 'phone_not_supported'],
    ['+32 471 23 45 67', 'phone_not_supported'],
    ['06 1234', 'invalid_phone'],
  ] as const;
  for (const [phone, code] of cases) {
    const response = await stack.check({ phone }, '198.51.100.14');
    expect(response).toMatchObject({ status: 400, body: { error: { code } } });
  }
  await stack.queue.idle();
  expect(await stack.sms.readStore()).toEqual([]);
});

it('limits one number per day and, once the day budget is spent, refuses every number alike', async () => {
  const sms = config.sms;
  if (!sms) throw new Error('the demo config enables the phone route');
  // Its own stack with a budget of a few texts: the demo budget would take thousands of checks to spend.
  const small = await startCheckStack({ ...config, sms: { ...sms, dailyBudget: sms.checksPerNumberPerDay + 1 } });
  try {
    for (let i = 0; i < sms.checksPerNumberPerDay; i += 1) {
      expect((await small.check({ phone: '0633334444' }, `198.51.100.${20 + i}`)).status).toBe(202);
    }
    const overNumber = await small.check({ phone: '0633334444' }, '198.51.100.30');
    expect(overNumber).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });

    // One text left in today's budget: the next check spends it, the one after is refused, hit or miss alike.
    expect((await small.check({ phone: '0655556666' }, '198.51.100.31')).status).toBe(202);
    const hit = await small.check({ phone: '0687654321' }, '198.51.100.32');
    const miss = await small.check({ phone: '0655557777' }, '198.51.100.33');
    expect(hit).toMatchObject({ status: 429, body: { error: { code: 'sms_budget_exhausted' } } });
    expect(Number(hit.headers['retry-after'])).toBeGreaterThan(0);
    expect(miss).toEqual(hit);
    await small.queue.idle();
    const numbers = (await small.sms.readStore()).map((text) => text.destinationPhoneNumber);
    expect(numbers).toEqual([...Array(sms.checksPerNumberPerDay).fill('+31633334444'), '+31655556666']);
    expect(await small.stores.counters.get(smsBudgetKey(small.clock.now()))).toBe(sms.checksPerNumberPerDay + 3);
  } finally {
    await small.stop();
  }
});
