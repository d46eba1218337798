import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESClient } from '@aws-sdk/client-ses';
import { createDynamoDbStores } from '../../../functions/adapters/dynamodb/dynamodb-stores';
import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { InProcessEmailQueue } from '../../../functions/adapters/queue/in-process-email-queue';
import { SesMailer } from '../../../functions/adapters/ses/ses-mailer';
import { deliverOutgoingJob } from '../../../functions/core/check/deliver-outgoing-job';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { createRedeemResultHandler } from '../../../functions/handlers/redeem-result';
import { createEmulatorClients } from '../../../functions/local/emulators/dynamodb-emulator';
import { createEmulatorSesClient } from '../../../functions/local/emulators/ses-emulator';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import { startSes, type TestSes } from '../../support/start-ses';
import { testOriginGuard } from '../../support/test-origin';
import { invoke, jsonEvent } from '../../unit/check/api-gateway-event';
import { config, RecordingLogger, RecordingSmsSender, TEST_ORIGIN, TEST_PEPPER } from '../../unit/check/check-fixture';
import { type FaultProxy, startFaultProxy } from './fault-proxy';

/*
 * The check flow wired as the local stack wires it (the same SDK client factories, so the same timeouts and retry
 * settings), with a fault proxy between the portal and each emulator and a fault middleware inside each SDK client:
 * DynamoDB and SES can be stopped, stalled or made to throttle in turn while requests are in flight.
 */

export interface InjectedFault {
  /** Low-level command name as the SDK sees it, e.g. PutItemCommand, SendEmailCommand. */
  command: string;
  /** Only requests on this table (DynamoDB). */
  table?: string;
  /** Only when the request's key or input matches (e.g. a counter key prefix). */
  inputMatches?: RegExp;
  /** The AWS error name to fail with, e.g. ProvisionedThroughputExceededException, Throttling, TimeoutError. */
  errorName: string;
  /** How many matching requests fail (default: all, until cleared). */
  times?: number;
  /** The request reaches the service and is carried out; only its answer is lost (a reset after the write). */
  afterSend?: boolean;
}

export interface FaultStack {
  dynamo: TestDynamo;
  ses: TestSes;
  dynamoProxy: FaultProxy;
  sesProxy: FaultProxy;
  queue: InProcessEmailQueue;
  logger: RecordingLogger;
  clock: ManualClock;
  /** How many jobs the check handler put on the queue. */
  enqueued(): number;
  injectDynamoFault(fault: InjectedFault): void;
  injectSesFault(fault: InjectedFault): void;
  clearInjectedFaults(): void;
  injectedFailures(): number;
  seedAffected(email: string): Promise<void>;
  check(email: string, sourceIp?: string): ReturnType<typeof invoke>;
  redeem(token: string): ReturnType<typeof invoke>;
  stop(): Promise<void>;
}

interface FaultState {
  faults: InjectedFault[];
  failures: number;
}

/** A middleware inside the SDK's retry loop: the client retries an injected error exactly as a real one. */
function addFaultMiddleware(client: Pick<DynamoDBClient | SESClient, 'middlewareStack'>, state: FaultState) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TableName?: string };
      const fault = state.faults.find(
        (candidate) =>
          candidate.command === context.commandName &&
          (candidate.table === undefined || candidate.table === input.TableName) &&
          (candidate.inputMatches === undefined || candidate.inputMatches.test(JSON.stringify(input))) &&
          (candidate.times === undefined || candidate.times > 0),
      );
      if (!fault) return next(args);
      if (fault.times !== undefined) fault.times -= 1;
      state.failures += 1;
      if (fault.afterSend) await next(args);
      const error = Object.assign(new Error(`injected ${fault.errorName}`), {
        name: fault.errorName,
        $fault: 'server',
        $metadata: { httpStatusCode: fault.errorName === 'TimeoutError' ? undefined : 400 },
      });
      throw error;
    },
    { step: 'finalizeRequest', priority: 'low', name: 'injectedFault' },
  );
}

export async function startFaultStack(): Promise<FaultStack> {
  const [dynamo, ses] = await Promise.all([startDynamo(), startSes()]);
  const [dynamoProxy, sesProxy] = await Promise.all([startFaultProxy(dynamo.endpoint), startFaultProxy(ses.endpoint)]);
  const state: FaultState = { faults: [], failures: 0 };

  // The portal's clients talk to the proxies; the test's own (dynamo.client, ses.readStore) go straight in.
  const { client: rawClient, documentClient } = createEmulatorClients(dynamoProxy.endpoint);
  addFaultMiddleware(rawClient, state);
  const sesClient = createEmulatorSesClient(sesProxy.endpoint);
  addFaultMiddleware(sesClient, state);

  const clock = new ManualClock(Date.now());
  const stores = createDynamoDbStores({ client: documentClient, tableNames: dynamo.tableNames, clock });
  const logger = new RecordingLogger();
  const mailer = new SesMailer(sesClient);
  const queue = new InProcessEmailQueue({
    baseDelayMs: 20,
    maxDelayMs: 200,
    logger,
    deliver: (job) =>
      deliverOutgoingJob({ config, origin: TEST_ORIGIN, mailer, smsSender: new RecordingSmsSender() }, job),
  });
  let enqueued = 0;
  const emailQueue = {
    enqueue: async (job: Parameters<InProcessEmailQueue['enqueue']>[0]) => {
      enqueued += 1;
      await queue.enqueue(job);
    },
  };
  const deps = {
    ...stores,
    config,
    clock,
    logger,
    emailQueue,
    pepper: async () => TEST_PEPPER,
    originGuard: testOriginGuard,
  };
  const checkHandler = createCheckHandler(deps);
  const redeemHandler = createRedeemResultHandler(deps);

  return {
    dynamo,
    ses,
    dynamoProxy,
    sesProxy,
    queue,
    logger,
    clock,
    enqueued: () => enqueued,
    injectDynamoFault: (fault) => state.faults.push({ ...fault }),
    injectSesFault: (fault) => state.faults.push({ ...fault }),
    clearInjectedFaults: () => {
      state.faults.length = 0;
    },
    injectedFailures: () => state.failures,
    seedAffected: (email) =>
      dynamo.stores().exposures.putRecords([
        {
          identifierHash: hashIdentifier(TEST_PEPPER, 'email', email),
          breachId: config.id,
          subjectId: `subject-${email}`,
          fields: ['email', 'iban'],
        },
      ]),
    check: (email, sourceIp = '198.51.100.77') => invoke(checkHandler, jsonEvent({ email }, { sourceIp })),
    redeem: (token) => invoke(redeemHandler, jsonEvent({ token }, { path: '/api/v1/results' })),
    stop: async () => {
      queue.close();
      documentClient.destroy();
      rawClient.destroy();
      sesClient.destroy();
      await Promise.all([dynamoProxy.close(), sesProxy.close()]);
      await Promise.all([dynamo.stop(), ses.stop()]);
    },
  };
}

/** Polls until `condition` holds (bounded), for states reached in the background (queue retries). */
export async function until(condition: () => boolean, what: string, rounds = 1000): Promise<void> {
  for (let round = 0; round < rounds && !condition(); round += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`gave up waiting until ${what}`);
}

/** Resolves to 'hung' if `work` has not settled within `ms`: a bound far above any configured SDK timeout. */
export function orHung<T>(work: Promise<T>, ms: number): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms);
  });
  return Promise.race([work, hung]).finally(() => clearTimeout(timer));
}
