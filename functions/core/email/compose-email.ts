import { type BreachConfig, REPLIES_UNREAD } from '../breach-config';
import { assistFormLink, resultLink } from '../check/result-token';
import type { EmailJob, EmailMessage } from '../ports';
import type { CopyParameters, EmailCopy } from './copy-parameters';
import type { EmailBlock } from './email-blocks';
import { EMAIL_COPY } from './email-copy';
import { renderEmailHtml } from './render-email-html';
import { renderEmailText } from './render-email-text';

/*
 * Composes the two emails in code, as plain text and HTML (SES templates are not used: the local SES emulator never
 * answers SendTemplatedEmail, and code keeps the escaping in one place). The mails go out while phishing in the
 * organisation's name peaks, so each one names its exact sender, the rule that tells real mail from fake, the exact
 * domain its links go to and a way to verify without clicking (type the address, call support).
 */

export interface ComposeContext {
  config: BreachConfig;
  /** Public origin of the portal; result and assist links are built on it, and the mail names its host. */
  origin: string;
}

export function composeEmail(job: EmailJob, { config, origin }: ComposeContext): EmailMessage {
  const copy = EMAIL_COPY[job.locale];
  const support = config.support[job.locale];
  const replyTo = config.sender.replyTo === REPLIES_UNREAD ? undefined : config.sender.replyTo;
  const parameters: CopyParameters = {
    organisation: config.organisation.name,
    incident: config.title[job.locale],
    recordCount: job.kind === 'affected' ? job.recordCount : 0,
    tokenHours: config.retention.tokenHours,
    resultWindowMinutes: config.retention.resultWindowMinutes,
    senderAddress: config.sender.address,
    genuineDomains: config.genuineSenderDomains,
    portalDomain: new URL(origin).host,
    supportPhone: support.phone,
    supportHours: support.hours,
    replyTo,
  };
  const body =
    job.kind === 'affected'
      ? affectedBlocks(copy, parameters, resultLink(origin, job.locale, job.token), support.url)
      : notFoundBlocks(copy, parameters, assistFormLink(origin, job.locale), support.url);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: copy.greeting },
    ...body,
    { kind: 'paragraph', text: copy.neverAsks(parameters) },
    { kind: 'paragraph', text: copy.genuineSender(parameters) },
    { kind: 'paragraph', text: copy.replies(parameters) },
    { kind: 'paragraph', text: config.sender.name },
  ];
  const subject = copy.subject(parameters);
  const rendered = {
    blocks,
    locale: job.locale,
    title: subject,
    phone: support.phone,
    linkSpansLines: copy.linkSpansLines,
  };
  return {
    to: job.to,
    from: formatSender(config.sender.name, config.sender.address),
    ...(replyTo ? { replyTo } : {}),
    subject,
    text: renderEmailText(rendered),
    html: renderEmailHtml(rendered),
  };
}

/** The recipient is in the breach: say so plainly, and never suggest the mail might not concern them. */
function affectedBlocks(copy: EmailCopy, p: CopyParameters, link: string, moreInfoUrl: string): EmailBlock[] {
  return [
    { kind: 'paragraph', text: copy.affectedIntro(p) },
    { kind: 'button', label: copy.affectedButton, url: link, fallback: copy.linkFallback },
    { kind: 'paragraph', text: copy.affectedLinkNote(p) },
    { kind: 'paragraph', text: copy.affectedVerify(p) },
    { kind: 'link', lead: copy.moreInfo(p), url: moreInfoUrl },
    { kind: 'paragraph', text: copy.affectedNotRequested },
  ];
}

function notFoundBlocks(copy: EmailCopy, p: CopyParameters, assistLink: string, moreInfoUrl: string): EmailBlock[] {
  return [
    { kind: 'paragraph', text: copy.notFoundIntro(p) },
    { kind: 'paragraph', text: copy.notFoundSupport(p) },
    { kind: 'link', lead: copy.notFoundAssist, url: assistLink },
    { kind: 'link', lead: copy.moreInfo(p), url: moreInfoUrl },
    { kind: 'paragraph', text: copy.notFoundNotRequested },
  ];
}

/**
 * `"Name" <address>` with the display name quoted, or RFC 2047-encoded when it is not plain ASCII: SES rejects a raw
 * non-ASCII name in Source.
 */
export function formatSender(name: string, address: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`;
  return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${address}>`;
}
