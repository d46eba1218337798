import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { InProcessEmailQueue } from '../../../functions/adapters/queue/in-process-email-queue';
import { SesMailer } from '../../../functions/adapters/ses/ses-mailer';
import { deliverEmailJob } from '../../../functions/core/check/deliver-email-job';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { createRedeemResultHandler } from '../../../functions/handlers/redeem-result';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import { startSes, type TestSes } from '../../support/start-ses';
import { testOriginGuard } from '../../support/test-origin';
import { invoke, jsonEvent } from '../../unit/check/api-gateway-event';
import { config, RecordingLogger, TEST_ORIGIN, TEST_PEPPER } from '../../unit/check/check-fixture';

/*
 * The real check flow on the real emulators: the deployed handlers (middy stack included) on dynalite, the email
 * job through the in-process queue (the local stand-in for SQS + sender) and SesMailer into aws-ses-v2-local.
 * Only the clock is controlled, so the read window can be crossed without waiting.
 */

export interface CheckStack {
  dynamo: TestDynamo;
  ses: TestSes;
  clock: ManualClock;
  queue: InProcessEmailQueue;
  logger: RecordingLogger;
  stores: ReturnType<TestDynamo['stores']>;
  /** The middy handlers themselves, for raw API Gateway events. */
  checkHandler: ReturnType<typeof createCheckHandler>;
  redeemHandler: ReturnType<typeof createRedeemResultHandler>;
  check(body: unknown, sourceIp?: string): ReturnType<typeof invoke>;
  redeem(token: string, sourceIp?: string): ReturnType<typeof invoke>;
  stop(): Promise<void>;
}

export async function startCheckStack(): Promise<CheckStack> {
  const [dynamo, ses] = await Promise.all([startDynamo(), startSes()]);
  const clock = new ManualClock(Date.now());
  const stores = dynamo.stores(clock);
  const logger = new RecordingLogger();
  const mailer = new SesMailer(ses.createSesClient());
  const queue = new InProcessEmailQueue({
    baseDelayMs: 20,
    maxDelayMs: 200,
    logger,
    deliver: (job) => deliverEmailJob({ config, origin: TEST_ORIGIN, mailer }, job),
  });
  const deps = {
    ...stores,
    config,
    clock,
    logger,
    emailQueue: queue,
    pepper: async () => TEST_PEPPER,
    originGuard: testOriginGuard,
  };
  const checkHandler = createCheckHandler(deps);
  const redeemHandler = createRedeemResultHandler(deps);
  return {
    dynamo,
    ses,
    clock,
    queue,
    logger,
    stores,
    checkHandler,
    redeemHandler,
    check: (body, sourceIp) => invoke(checkHandler, jsonEvent(body, { sourceIp })),
    redeem: (token, sourceIp) => invoke(redeemHandler, jsonEvent({ token }, { path: '/api/v1/results', sourceIp })),
    stop: async () => {
      queue.close();
      await Promise.all([dynamo.stop(), ses.stop()]);
    },
  };
}

const RESULT_LINK = /\/(nl|en)\/result#t=([A-Za-z0-9_-]{43})/;

/** The token from the result link of the mail sent to `to`, as the customer's browser would read it. */
export async function tokenFromMail(ses: TestSes, to: string): Promise<string> {
  const mails = (await ses.readStore()).filter((mail) => mail.destination.to.includes(to));
  if (mails.length !== 1) throw new Error(`expected one mail to the address, found ${mails.length}`);
  const token = mails[0]?.body.text?.match(RESULT_LINK)?.[2];
  if (!token) throw new Error('the mail holds no result link');
  return token;
}
