import { createHash, randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { EMAIL_SENDER } from '../../contract/routes';
import { deliverOutgoingJob } from '../core/check/deliver-outgoing-job';
import type { OutgoingJob } from '../core/ports';
import type { PortalDependencies } from '../dependencies';
import { localLambdaContext } from './gateway/http-adapter';

/*
 * The in-process queue's worker. Deployed, SQS hands the sender Lambda a batch of messages; locally each job becomes
 * a one-message SQS event for the same handler (EMAIL_SENDER in contract/routes.ts), so the mail a person reads in the
 * local inbox is composed by the code that sends it in production. A reported batch failure becomes a thrown error,
 * which the queue retries as SQS would redeliver the message.
 */

export class EmailJobFailedError extends Error {
  constructor() {
    super('The email sender reported the job as failed.');
    this.name = 'EmailJobFailedError';
  }
}

type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export async function createEmailSender(
  projectRoot: string,
  dependencies: PortalDependencies,
): Promise<(job: OutgoingJob) => Promise<void>> {
  const entry = join(projectRoot, EMAIL_SENDER.entry);
  if (!(await exists(entry))) {
    // Only while the sender handler is being written: the use case it wraps sends the same mail.
    return (job) => deliverOutgoingJob(dependencies, job);
  }
  const module = (await import(entry)) as Record<string, unknown>;
  const factory = module.create;
  if (typeof factory !== 'function') {
    throw new Error(`${EMAIL_SENDER.entry} does not export create (functions/wiring/deployed.ts).`);
  }
  const handler = (factory as (deps: PortalDependencies) => SqsHandler)(dependencies);
  return async (job) => {
    const event = sqsEventFor(job);
    const messageId = event.Records[0]?.messageId ?? randomUUID();
    const response = await handler(event, localLambdaContext(EMAIL_SENDER.id, messageId));
    if (response && response.batchItemFailures.length > 0) throw new EmailJobFailedError();
  };
}

export function sqsEventFor(job: OutgoingJob, now = Date.now()): SQSEvent {
  const body = JSON.stringify(job);
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: randomUUID(),
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(now),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(now),
        },
        messageAttributes: {},
        md5OfBody: createHash('md5').update(body).digest('hex'),
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:portal-email',
        awsRegion: 'local',
      },
    ],
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
