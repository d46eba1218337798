import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { startSesEmulator } from '../../../functions/local/emulators/ses-emulator';
import { config, TEST_PEPPER } from '../../unit/check/check-fixture';
import { type CheckStack, startCheckStack } from './check-stack';

/*
 * SES down: the API must still answer 202 (the mail is behind the queue), the job must be retried while SES is
 * away, and once SES is back (restarted on the same port) the mail must arrive exactly once.
 */

let stack: CheckStack;
let restarted: { stop(): Promise<void> } | undefined;

beforeAll(async () => {
  stack = await startCheckStack();
  await stack.stores.exposures.putRecords([
    {
      identifierHash: hashIdentifier(TEST_PEPPER, 'email', 'outage@example.nl'),
      breachId: config.id,
      subjectId: 'subject-outage',
      fields: ['email', 'iban'],
    },
  ]);
});

afterAll(async () => {
  await restarted?.stop();
  await stack.stop();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 500 && !condition(); round += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`gave up waiting until ${what}`);
}

it('answers 202 while SES is down, retries the job and delivers it exactly once when SES is back', async () => {
  const port = Number(new URL(stack.ses.endpoint).port);
  await stack.ses.clearStore();
  await stack.ses.stop();

  const response = await stack.check({ email: 'outage@example.nl' }, '198.51.100.50');
  expect(response).toMatchObject({ status: 202, body: { status: 'accepted' } });
  await until(() => stack.queue.stats().failedAttempts >= 2, 'two delivery attempts failed');
  expect(stack.queue.stats()).toMatchObject({ pending: 1, delivered: 0, deadLettered: 0 });

  restarted = await startSesEmulator({ port });
  await stack.queue.idle();

  const mails = await stack.ses.readStore();
  expect(mails.map((mail) => mail.destination.to)).toEqual([['outage@example.nl']]);
  expect(mails[0]?.body.html).toMatch(/\/nl\/result#t=[A-Za-z0-9_-]{43}/);
  expect(stack.queue.stats()).toMatchObject({ pending: 0, delivered: 1, deadLettered: 0 });
  // The retries were logged by error class only: no address, no token.
  expect(stack.logger.lines.some((line) => line.includes('will retry'))).toBe(true);
  expect(stack.logger.lines.join('\n')).not.toMatch(/outage@|#t=/);
});
