import { type FaultStack, orHung, startFaultStack, until } from './fault-stack';

/*
 * Issue 8, faults: DynamoDB and SES stopped, stalled and throttling, in turn, while checks come in. The API answers
 * a clear 503 service_unavailable where it cannot do its work, within the SDK's bounded timeouts (never a hang);
 * it never queues a mail for a check it did not complete (so a retried check is not mailed twice, and no link
 * points at a token that was never stored); and once the dependency is back every queued mail arrives exactly once.
 */

const SERVICE_UNAVAILABLE = {
  status: 503,
  body: { error: { code: 'service_unavailable', message: expect.any(String) } },
};
// Far above the SDK's worst case (3 attempts × 2 s + backoff) and far below jest's own timeout: 'hung' means hung.
const HANG_BOUND_MS = 15_000;

let stack: FaultStack;

beforeAll(async () => {
  stack = await startFaultStack();
  for (const email of ['anna@example.nl', 'retry@example.nl', 'stall@example.nl']) await stack.seedAffected(email);
});

afterEach(async () => {
  // A fresh day: each test starts inside every rate limit (per address per day, per IP per minute).
  stack.clock.advance(24 * 60 * 60 * 1000);
  stack.clearInjectedFaults();
  await stack.dynamoProxy.setMode('pass');
  await stack.sesProxy.setMode('pass');
  await stack.queue.idle();
  await stack.ses.clearStore();
});

afterAll(() => stack.stop());

async function mailsTo(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const mail of await stack.ses.readStore()) {
    for (const to of mail.destination.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

async function tokenMailedTo(address: string): Promise<string> {
  const mail = (await stack.ses.readStore()).find((candidate) => candidate.destination.to.includes(address));
  const token = mail?.body.text?.match(/#t=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error('no result link was mailed');
  return token;
}

describe('DynamoDB', () => {
  it('answers 503 while it is down (connection refused), queues no mail, and serves again once it is back', async () => {
    await stack.dynamoProxy.setMode('stop');
    const enqueuedBefore = stack.enqueued();

    const answers = await Promise.all([
      orHung(stack.check('anna@example.nl'), HANG_BOUND_MS),
      orHung(stack.check('nobody@example.nl'), HANG_BOUND_MS),
      orHung(stack.redeem('A'.repeat(43)), HANG_BOUND_MS),
    ]);
    for (const answer of answers) expect(answer).toMatchObject(SERVICE_UNAVAILABLE);
    expect(stack.enqueued()).toBe(enqueuedBefore);

    await stack.dynamoProxy.setMode('pass');
    expect(await stack.check('anna@example.nl')).toMatchObject({ status: 202 });
    await stack.queue.idle();
    expect(await mailsTo()).toEqual(new Map([['anna@example.nl', 1]]));
    expect((await stack.redeem(await tokenMailedTo('anna@example.nl'))).status).toBe(200);
  });

  it('answers 503 within the SDK timeouts while it is stalled (accepts, never answers), then recovers', async () => {
    await stack.dynamoProxy.setMode('stall');
    const enqueuedBefore = stack.enqueued();

    const [check, redeem] = await Promise.all([
      orHung(stack.check('stall@example.nl'), HANG_BOUND_MS),
      orHung(stack.redeem('B'.repeat(43)), HANG_BOUND_MS),
    ]);
    expect(check).toMatchObject(SERVICE_UNAVAILABLE);
    expect(redeem).toMatchObject(SERVICE_UNAVAILABLE);
    expect(stack.enqueued()).toBe(enqueuedBefore);

    await stack.dynamoProxy.setMode('pass');
    expect(await stack.check('stall@example.nl')).toMatchObject({ status: 202 });
    await stack.queue.idle();
    expect(await mailsTo()).toEqual(new Map([['stall@example.nl', 1]]));
  });

  it.each([
    { step: 'the exposure lookup', command: 'QueryCommand', table: 'exposures' },
    { step: 'the rate-limit counter', command: 'UpdateItemCommand', table: 'counters', inputMatches: /rate#/ },
    { step: 'the token write', command: 'PutItemCommand', table: 'tokens' },
    { step: 'the daily metric', command: 'UpdateItemCommand', table: 'counters', inputMatches: /metric#/ },
  ])(
    'throttling on $step (after the SDK retries) is a 503 with no mail queued; the retried check is mailed once',
    async ({ command, table, inputMatches }) => {
      const tableName = stack.dynamo.tableNames[table as keyof typeof stack.dynamo.tableNames];
      stack.injectDynamoFault({
        command,
        table: tableName,
        inputMatches,
        errorName: 'ProvisionedThroughputExceededException',
      });
      const failuresBefore = stack.injectedFailures();
      const enqueuedBefore = stack.enqueued();

      expect(await stack.check('retry@example.nl')).toMatchObject(SERVICE_UNAVAILABLE);
      // The SDK retried the throttled call (maxAttempts) before giving up: the 503 is not a first-error reflex.
      expect(stack.injectedFailures() - failuresBefore).toBeGreaterThanOrEqual(3);
      expect(stack.enqueued()).toBe(enqueuedBefore);

      stack.clearInjectedFaults();
      expect(await stack.check('retry@example.nl')).toMatchObject({ status: 202 });
      await stack.queue.idle();
      expect(await mailsTo()).toEqual(new Map([['retry@example.nl', 1]]));
      // The one link that went out points at a token that was stored.
      expect((await stack.redeem(await tokenMailedTo('retry@example.nl'))).status).toBe(200);
    },
  );

  it.each([
    { fault: 'stops', mode: 'stop' as const },
    { fault: 'stalls', mode: 'stall' as const },
  ])(
    'when it $fault in the middle of a stream of checks, every 202 is mailed exactly once and every 503 never',
    async ({ mode }) => {
      const answers: { email: string; status: number }[] = [];
      // Three clients at once, so requests are in flight (mid-write) at the moment the fault starts and ends.
      const client = async (clientId: number) => {
        for (let index = 0; index < 12; index++) {
          const email = `stream.${mode}.${clientId}.${index}@example.nl`;
          if (clientId === 0 && index === 4) await stack.dynamoProxy.setMode(mode);
          if (clientId === 0 && index === 8) await stack.dynamoProxy.setMode('pass');
          const answer = await orHung(stack.check(email, `203.0.113.${clientId * 20 + index}`), HANG_BOUND_MS);
          answers.push({ email, status: answer === 'hung' ? 0 : answer.status });
        }
      };
      await Promise.all([0, 1, 2].map(client));
      await stack.queue.idle();

      const mails = await mailsTo();
      const statuses = new Set(answers.map((answer) => answer.status));
      expect([...statuses].sort()).toEqual([202, 503]);
      for (const { email, status } of answers) {
        expect({ email, status, mails: mails.get(email) ?? 0 }).toEqual({
          email,
          status,
          mails: status === 202 ? 1 : 0,
        });
      }
    },
  );

  it('a token write whose answer was lost (the SDK retries a write that landed) is still a 202 mailed once', async () => {
    stack.injectDynamoFault({
      command: 'PutItemCommand',
      table: stack.dynamo.tableNames.tokens,
      errorName: 'TimeoutError',
      afterSend: true,
      times: 1,
    });
    expect(await stack.check('retry@example.nl')).toMatchObject({ status: 202 });
    expect(stack.injectedFailures()).toBeGreaterThan(0);
    await stack.queue.idle();
    expect(await mailsTo()).toEqual(new Map([['retry@example.nl', 1]]));
    expect((await stack.redeem(await tokenMailedTo('retry@example.nl'))).status).toBe(200);
  });

  it('a request timeout on the lookup is a 503 too (the SDK drops the socket error code)', async () => {
    stack.injectDynamoFault({ command: 'QueryCommand', errorName: 'TimeoutError' });
    expect(await stack.check('anna@example.nl')).toMatchObject(SERVICE_UNAVAILABLE);
  });
});

describe('SES', () => {
  const addresses = ['anna@example.nl', 'nobody.1@example.nl', 'nobody.2@example.nl', 'retry@example.nl'];

  it.each([
    { fault: 'stopped (connection refused)', mode: 'stop' as const },
    { fault: 'stalled (accepts, never answers)', mode: 'stall' as const },
  ])(
    'while it is $fault, checks still answer 202; once it is back every queued mail arrives exactly once',
    async ({ mode }) => {
      await stack.sesProxy.setMode(mode);
      const statsBefore = stack.queue.stats();

      const answers = await Promise.all(addresses.map((email) => orHung(stack.check(email), HANG_BOUND_MS)));
      for (const answer of answers) expect(answer).toMatchObject({ status: 202, body: { status: 'accepted' } });
      // Every job has failed at least once (a stalled send timed out rather than holding the worker) and waits.
      await until(
        () => stack.queue.stats().failedAttempts - statsBefore.failedAttempts >= addresses.length,
        'every job failed once',
      );
      expect(stack.queue.stats()).toMatchObject({ pending: addresses.length, deadLettered: 0 });

      await stack.sesProxy.setMode('pass');
      await stack.queue.idle();
      expect(await mailsTo()).toEqual(new Map(addresses.map((address) => [address, 1])));
      expect(stack.queue.stats().deadLettered).toBe(0);
    },
  );

  it('throttling from SES is retried (by the SDK, then the queue) and each mail is sent once', async () => {
    stack.injectSesFault({ command: 'SendEmailCommand', errorName: 'Throttling', times: 8 });
    await Promise.all(addresses.map((email) => stack.check(email)));
    await stack.queue.idle();
    expect(await mailsTo()).toEqual(new Map(addresses.map((address) => [address, 1])));
  });

  it('logged the failures by error class only: no address, token or IP', () => {
    const logs = stack.logger.lines.join('\n');
    expect(stack.logger.lines.length).toBeGreaterThan(0);
    expect(logs).not.toMatch(/@example\.nl|#t=|198\.51\.100/);
  });
});
