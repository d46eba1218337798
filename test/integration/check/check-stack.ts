import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { InProcessEmailQueue } from '../../../functions/adapters/queue/in-process-email-queue';
import { SesMailer } from '../../../functions/adapters/ses/ses-mailer';
import { EndUserMessagingSmsSender } from '../../../functions/adapters/sms/end-user-messaging-sms-sender';
import type { BreachConfig } from '../../../functions/core/breach-config';
import { deliverOutgoingJob } from '../../../functions/core/check/deliver-outgoing-job';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { createRedeemResultHandler } from '../../../functions/handlers/redeem-result';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import { startSes, type TestSes } from '../../support/start-ses';
import { startSms, type TestSms } from '../../support/start-sms';
import { testOriginGuard } from '../../support/test-origin';
import { invoke, jsonEvent } from '../../unit/check/api-gateway-event';
import { config, RecordingLogger, TEST_ORIGIN, TEST_PEPPER } from '../../unit/check/check-fixture';

/*
 * The real check flow on the real emulators: the deployed handlers (middy stack included) on dynalite, the email
 * job through the in-process queue (the local stand-in for SQS + sender) and SesMailer into aws-ses-v2-local, the
 * SMS job through the same queue and the real SMS SDK client into the SMS outbox emulator.
 * Only the clock is controlled, so the read window can be crossed without waiting.
 */

export interface CheckStack {
  dynamo: TestDynamo;
  ses: TestSes;
  /** The SMS outbox emulator the phone checks' texts land in. */
  sms: TestSms;
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

/** `breachConfig` replaces the demo config, e.g. with a small SMS budget. */
export async function startCheckStack(breachConfig: BreachConfig = config): Promise<CheckStack> {
  const [dynamo, ses, sms] = await Promise.all([startDynamo(), startSes(), startSms()]);
  const clock = new ManualClock(Date.now());
  const stores = dynamo.stores(clock);
  const logger = new RecordingLogger();
  const mailer = new SesMailer(ses.createSesClient());
  const smsSender = new EndUserMessagingSmsSender(sms.createSmsClient(), {
    originationIdentity: config.sms?.senderId ?? 'Test',
    configurationSetName: 'test',
  });
  const queue = new InProcessEmailQueue({
    baseDelayMs: 20,
    maxDelayMs: 200,
    logger,
    deliver: (job) => deliverOutgoingJob({ config: breachConfig, origin: TEST_ORIGIN, mailer, smsSender }, job),
  });
  const deps = {
    ...stores,
    config: breachConfig,
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
    sms,
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
      await Promise.all([dynamo.stop(), ses.stop(), sms.stop()]);
    },
  };
}

const RESULT_LINK = /\/(nl|en)\/result#t=([A-Za-z0-9_-]{43})/;

/** The token from the result link of the mail sent to `to`, as the customer's browser would read it. */
export async function tokenFromMail(ses: TestSes, to: string): Promise<string> {
  const mails = (await ses.readStore()).filter((mail) => mail.destination.to.includes(to));
  if (mails.length !== 1) throw new Error(`expected one mail to the address, found ${mails.length}`);
  // The HTML part: the text part breaks a long link over lines (render-email-text.ts).
  const token = mails[0]?.body.html?.match(RESULT_LINK)?.[2];
  if (!token) throw new Error('the mail holds no result link');
  return token;
}
