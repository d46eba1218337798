import type { SmsJob, SmsSender } from '../ports';
import { composeSms, type SmsComposeContext } from './compose-sms';

/*
 * The queue consumer's step for a text: compose it and hand it to the SmsSender. A failure propagates, so the queue
 * retries the job and finally dead-letters it, as for mail.
 */

export interface DeliverSmsDependencies extends SmsComposeContext {
  smsSender: SmsSender;
}

export async function deliverSmsJob(deps: DeliverSmsDependencies, job: SmsJob): Promise<void> {
  await deps.smsSender.send(composeSms(job, deps));
}

/** Reads an SMS job back from a queue message body (already JSON-parsed); anything else is undefined. */
export function smsJobOf(job: Record<string, unknown>): SmsJob | undefined {
  const locale = job.locale === 'nl' || job.locale === 'en' ? job.locale : undefined;
  if (job.channel !== 'sms' || typeof job.to !== 'string' || !/^\+[1-9]\d{6,14}$/.test(job.to) || !locale) {
    return undefined;
  }
  const expiry =
    typeof job.expiresAtEpochSeconds === 'number' ? { expiresAtEpochSeconds: job.expiresAtEpochSeconds } : {};
  if (job.kind === 'not_found') return { channel: 'sms', kind: 'not_found', to: job.to, locale, ...expiry };
  if (job.kind === 'affected' && typeof job.token === 'string') {
    return { channel: 'sms', kind: 'affected', to: job.to, locale, token: job.token, ...expiry };
  }
  return undefined;
}
