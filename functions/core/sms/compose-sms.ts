import type { BreachConfig } from '../breach-config';
import { resultLink } from '../check/result-token';
import type { SmsJob, SmsMessage } from '../ports';
import { SMS_COPY } from './sms-copy';
import { smsEncodingOf } from './sms-segments';

/*
 * The text for one SMS job. A hit carries the result link with the token in the fragment (DESIGN §2.5), exactly as
 * the mail does; a miss carries no link at all, only the support route. Of the hit wordings the longest that still
 * fits one segment is used (a long organisation name or origin may push the full wording to two, which costs double).
 */

export interface SmsComposeContext {
  config: BreachConfig;
  origin: string;
}

export function composeSms(job: SmsJob, { config, origin }: SmsComposeContext): SmsMessage {
  const copy = SMS_COPY[job.locale];
  const organisation = config.organisation.name;
  if (job.kind === 'not_found') {
    const support = config.support[job.locale];
    return { to: job.to, text: copy.notFound(organisation, support.phone, support.url) };
  }
  const link = resultLink(origin, job.locale, job.token);
  const wordings = copy.affected.map((wording) => wording(organisation, link, config.retention.tokenHours));
  const text = wordings.find((wording) => smsEncodingOf(wording).segments === 1) ?? wordings[wordings.length - 1];
  return { to: job.to, text: text ?? link };
}
