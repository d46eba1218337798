import type { OutgoingJob } from '../ports';
import { type DeliverSmsDependencies, deliverSmsJob, smsJobOf } from '../sms/deliver-sms-job';
import { type DeliverEmailDependencies, deliverEmailJob, emailJobOf } from './deliver-email-job';

/*
 * One queue and one sender for both answers (DESIGN §9): a job with `channel: 'sms'` is a text, any other a mail
 * (mail jobs carry no channel, so jobs queued before the phone route existed still parse). One path means one set of
 * retries, DLQ and alarms, and the phone route adds no new queue to deploy or rehearse.
 */

export type DeliverOutgoingDependencies = DeliverEmailDependencies & DeliverSmsDependencies;

export function deliverOutgoingJob(deps: DeliverOutgoingDependencies, job: OutgoingJob): Promise<void> {
  return 'channel' in job ? deliverSmsJob(deps, job) : deliverEmailJob(deps, job);
}

/** A queue message body back into a job; anything else is a poison message (never retried into success). */
export function parseOutgoingJob(body: string): OutgoingJob | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const job = value as Record<string, unknown>;
  return 'channel' in job ? smsJobOf(job) : emailJobOf(job);
}
