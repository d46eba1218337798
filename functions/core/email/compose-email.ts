import type { BreachConfig } from '../breach-config';
import { assistFormLink, resultLink } from '../check/result-token';
import type { EmailJob, EmailMessage } from '../ports';
import { type CopyParameters, EMAIL_COPY, type EmailCopy } from './email-copy';
import { escapeHtml } from './html-escape';

/*
 * Renders the two emails in code, as plain text and HTML (SES templates are not used: the local SES emulator never
 * answers SendTemplatedEmail, and code keeps the escaping in one place). The HTML has no images, no tracking pixel
 * and no external resource of any kind: only inline styles, text and links to the portal and the support page.
 */

export interface ComposeContext {
  config: BreachConfig;
  /** Public origin of the portal; result and assist links are built on it. */
  origin: string;
}

type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'link'; lead: string; url: string };

export function composeEmail(job: EmailJob, { config, origin }: ComposeContext): EmailMessage {
  const copy = EMAIL_COPY[job.locale];
  const support = config.support[job.locale];
  const parameters: CopyParameters = {
    organisation: config.organisation.name,
    incident: config.title[job.locale],
    recordCount: job.kind === 'affected' ? job.recordCount : 0,
    tokenHours: config.retention.tokenHours,
    resultWindowMinutes: config.retention.resultWindowMinutes,
    senderDomains: config.genuineSenderDomains.join(', '),
    supportPhone: support.phone,
    supportHours: support.hours,
  };
  const body =
    job.kind === 'affected'
      ? affectedBlocks(copy, parameters, resultLink(origin, job.locale, job.token))
      : notFoundBlocks(copy, parameters, assistFormLink(origin, job.locale), support.url);
  const blocks: Block[] = [
    { kind: 'paragraph', text: copy.greeting },
    ...body,
    { kind: 'paragraph', text: copy.neverAsks(parameters) },
    { kind: 'paragraph', text: copy.genuineSenders(parameters) },
    { kind: 'paragraph', text: copy.notRequested },
    { kind: 'paragraph', text: config.sender.name },
  ];
  return {
    to: job.to,
    from: formatSender(config.sender.name, config.sender.address),
    subject: copy.subject(parameters),
    text: renderText(blocks),
    html: renderHtml(blocks, job.locale, copy.subject(parameters), copy.linkFallback),
  };
}

function affectedBlocks(copy: EmailCopy, p: CopyParameters, link: string): Block[] {
  return [
    { kind: 'paragraph', text: copy.affectedIntro(p) },
    { kind: 'button', label: copy.affectedButton, url: link },
    { kind: 'paragraph', text: copy.affectedLinkNote(p) },
  ];
}

function notFoundBlocks(copy: EmailCopy, p: CopyParameters, assistLink: string, supportUrl: string): Block[] {
  return [
    { kind: 'paragraph', text: copy.notFoundIntro(p) },
    { kind: 'paragraph', text: copy.notFoundSupport(p) },
    { kind: 'link', lead: copy.notFoundAssist, url: assistLink },
    { kind: 'link', lead: copy.notFoundMoreInfo, url: supportUrl },
  ];
}

function renderText(blocks: Block[]): string {
  const lines = blocks.map((block) => {
    if (block.kind === 'paragraph') return block.text;
    if (block.kind === 'button') return `${block.label}:\n${block.url}`;
    return `${block.lead}\n${block.url}`;
  });
  return `${lines.join('\n\n')}\n`;
}

const PARAGRAPH_STYLE = 'margin:0 0 16px;font:16px/1.5 Arial,Helvetica,sans-serif;color:#1a1a1a';
const BUTTON_STYLE =
  'display:inline-block;padding:12px 20px;background:#0b57d0;color:#ffffff;text-decoration:none;border-radius:4px;font:bold 16px Arial,Helvetica,sans-serif';

function renderHtml(blocks: Block[], locale: string, title: string, linkFallback: string): string {
  const body = blocks
    .map((block) => {
      if (block.kind === 'paragraph') return `<p style="${PARAGRAPH_STYLE}">${escapeHtml(block.text)}</p>`;
      const url = escapeHtml(block.url);
      if (block.kind === 'button') {
        // The plain URL under the button: some clients strip buttons, and people should see where a link goes.
        return [
          `<p style="${PARAGRAPH_STYLE}"><a href="${url}" style="${BUTTON_STYLE}">${escapeHtml(block.label)}</a></p>`,
          `<p style="${PARAGRAPH_STYLE}">${escapeHtml(linkFallback)}<br><a href="${url}">${url}</a></p>`,
        ].join('\n');
      }
      return `<p style="${PARAGRAPH_STYLE}">${escapeHtml(block.lead)}<br><a href="${url}">${url}</a></p>`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff">',
    '<div style="max-width:600px;margin:0 auto">',
    body,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

/**
 * `"Name" <address>` with the display name quoted, or RFC 2047-encoded when it is not plain ASCII: SES rejects a raw
 * non-ASCII name in Source.
 */
export function formatSender(name: string, address: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`;
  return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${address}>`;
}
