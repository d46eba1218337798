import middy from '@middy/core';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { isOutgoingJobExpired } from '../core/check/deliver-email-job';
import { deliverOutgoingJob, parseOutgoingJob } from '../core/check/deliver-outgoing-job';
import { type OutgoingJob, systemClock } from '../core/ports';
import type { SendEmailDependencies } from '../dependencies';
import { noMetrics } from '../observability/powertools';
import { deployed } from '../wiring/deployed';
import { sendEmailDependencies } from '../wiring/route-dependencies';

/*
 * The email sender, which also sends the texts of phone checks (one queue, core/check/deliver-outgoing-job.ts): an
 * SQS consumer with partial batch failures. Each failed record is reported back, so SQS retries
 * only that one (after its visibility timeout) and, after maxReceiveCount, moves it to the DLQ, where an alarm
 * fires. A message that is not a job is reported too: it ends in the DLQ for a person to see, never dropped. A job
 * whose token has expired is dropped with the EmailJobExpired metric (docs/security.md, "Tokens in the queue").
 * Records are sent one after another: with the event source's maximum concurrency this keeps the function within the
 * SES send rate.
 */

export function createSendEmailHandler(deps: SendEmailDependencies) {
  const metrics = deps.metrics ?? noMetrics;
  return middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
    const batchItemFailures: SQSBatchItemFailure[] = [];
    for (const record of event.Records) {
      const job = parseOutgoingJob(record.body);
      if (!job) {
        deps.logger.error('malformed email job', { messageId: record.messageId });
        metrics.count('EmailJobMalformed');
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      if (isOutgoingJobExpired(job, (deps.clock ?? systemClock).now())) {
        // Dropped, not failed: retrying cannot make it useful, and the dead-letter queue must not keep the token.
        metrics.count('EmailJobExpired');
        continue;
      }
      try {
        await deliverOutgoingJob(deps, job);
        metrics.count(sentMetricOf(job));
      } catch (error) {
        // The job holds an address or number and maybe a token: log the error class only.
        deps.logger.warn('email send failed; SQS will retry', {
          messageId: record.messageId,
          errorName: error instanceof Error ? error.name : 'UnknownError',
        });
        metrics.count('channel' in job ? 'SmsSendFailed' : 'EmailSendFailed');
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  });
}

/** Fixed metric names; the SMS ones feed the SMS failure alarm and the daily-volume view (infra/sms.ts). */
function sentMetricOf(job: OutgoingJob): string {
  if ('channel' in job) return job.kind === 'affected' ? 'SmsSentAffected' : 'SmsSentNotFound';
  return job.kind === 'affected' ? 'EmailSentAffected' : 'EmailSentNotFound';
}

export const { handler, create } = deployed('SendEmail', createSendEmailHandler, sendEmailDependencies);
