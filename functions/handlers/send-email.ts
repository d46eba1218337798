import middy from '@middy/core';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { deliverEmailJob, isEmailJobExpired, parseEmailJob } from '../core/check/deliver-email-job';
import { type Clock, systemClock } from '../core/ports';
import type { PortalDependencies } from '../dependencies';
import { type CountMetrics, noMetrics, withObservability } from '../observability/powertools';
import { lazyHandler, productionObservability, productionSendEmailDependencies } from '../production';

/*
 * The email sender: an SQS consumer with partial batch failures. Each failed record is reported back, so SQS retries
 * only that one (after its visibility timeout) and, after maxReceiveCount, moves it to the DLQ, where an alarm
 * fires. A message that is not a job is reported too: it ends in the DLQ for a person to see, never dropped. A job
 * whose token has expired is dropped with the EmailJobExpired metric (docs/security.md, "Tokens in the queue").
 * Records are sent one after another: with reserved concurrency this keeps the function within the SES send rate.
 */

export type SendEmailDependencies = Pick<PortalDependencies, 'config' | 'origin' | 'mailer' | 'logger'> & {
  metrics?: CountMetrics;
  /** Decides whether a job outlived its token; the system clock when omitted. */
  clock?: Clock;
};

export function createSendEmailHandler(deps: SendEmailDependencies) {
  const metrics = deps.metrics ?? noMetrics;
  return middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
    const batchItemFailures: SQSBatchItemFailure[] = [];
    for (const record of event.Records) {
      const job = parseEmailJob(record.body);
      if (!job) {
        deps.logger.error('malformed email job', { messageId: record.messageId });
        metrics.count('EmailJobMalformed');
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      if (isEmailJobExpired(job, (deps.clock ?? systemClock).now())) {
        // Dropped, not failed: retrying cannot make it useful, and the dead-letter queue must not keep the token.
        metrics.count('EmailJobExpired');
        continue;
      }
      try {
        await deliverEmailJob(deps, job);
        metrics.count(job.kind === 'affected' ? 'EmailSentAffected' : 'EmailSentNotFound');
      } catch (error) {
        // The job holds an address and maybe a token: log the error class only.
        deps.logger.warn('email send failed; SQS will retry', {
          messageId: record.messageId,
          errorName: error instanceof Error ? error.name : 'UnknownError',
        });
        metrics.count('EmailSendFailed');
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  });
}

export const handler = lazyHandler<SQSEvent, SQSBatchResponse>(async () => {
  const { logger, metrics } = productionObservability();
  return withObservability(
    createSendEmailHandler(await productionSendEmailDependencies()),
    logger,
    metrics,
    'SendEmail',
  );
});
