import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { ServiceUnavailableError } from '../../core/errors';
import type { EmailQueue, OutgoingJob } from '../../core/ports';

/*
 * Enqueues an email job on SQS for the sender Lambda. The body carries the address and, on a hit, the token (the
 * link needs it): the queue is encrypted at rest with the portal's KMS key and messages expire, and the job is
 * never logged. SQS retries failed sends by visibility timeout and moves a job to the DLQ after maxReceiveCount.
 */

export class SqsEmailQueue implements EmailQueue {
  constructor(
    private readonly client: Pick<SQSClient, 'send'>,
    private readonly queueUrl: string,
  ) {}

  async enqueue(job: OutgoingJob): Promise<void> {
    try {
      await this.client.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(job) }));
    } catch (error) {
      // A 503 the customer may retry; the SDK error stays the cause and is never copied into a message.
      throw Object.assign(new ServiceUnavailableError(), { cause: error });
    }
  }
}
