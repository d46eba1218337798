import type { BreachConfig } from '../breach-config';
import { composeEmail } from '../email/compose-email';
import type { EmailJob, Mailer, OutgoingJob } from '../ports';

/*
 * The queue consumer's one step: compose the job's mail and hand it to the Mailer. A failure propagates, so the
 * queue (SQS, or the in-process queue locally) retries the job and finally dead-letters it: nothing is dropped.
 */

export interface DeliverEmailDependencies {
  config: BreachConfig;
  origin: string;
  mailer: Mailer;
}

export async function deliverEmailJob(deps: DeliverEmailDependencies, job: EmailJob): Promise<void> {
  await deps.mailer.send(composeEmail(job, deps));
}

/** A parsed queue message as a mail job, or undefined (core/check/deliver-outgoing-job.ts parses the body once). */
export function emailJobOf(job: Record<string, unknown>): EmailJob | undefined {
  const locale = job.locale === 'nl' || job.locale === 'en' ? job.locale : undefined;
  if (typeof job.to !== 'string' || !locale) return undefined;
  const expiry =
    typeof job.expiresAtEpochSeconds === 'number' ? { expiresAtEpochSeconds: job.expiresAtEpochSeconds } : {};
  if (job.kind === 'not_found') return { kind: 'not_found', to: job.to, locale, ...expiry };
  if (job.kind === 'affected' && typeof job.token === 'string' && typeof job.recordCount === 'number') {
    return { kind: 'affected', to: job.to, locale, token: job.token, recordCount: job.recordCount, ...expiry };
  }
  return undefined;
}

/**
 * True once the job's token has expired: its link would only lead to "expired", so it is not worth sending. Mail and
 * SMS jobs alike (core/check/deliver-outgoing-job.ts).
 */
export function isOutgoingJobExpired(job: OutgoingJob, nowMs: number): boolean {
  return job.expiresAtEpochSeconds !== undefined && nowMs >= job.expiresAtEpochSeconds * 1000;
}
