import type { RenderedBlocks } from './email-blocks';
import { escapeHtml } from './html-escape';

/*
 * The HTML part: inline styles only (Gmail keeps them), no images, no tracking, no external resource. The button is
 * a table cell with a background colour, the "bulletproof" form: Outlook on Windows renders with Word, which ignores
 * padding and background on a link but not on a table cell. Dark mode is chosen, not left to the client: the mail
 * declares `color-scheme: light dark`, so clients that honour it (Apple Mail, Outlook.com, Outlook for Mac) apply
 * the dark colours below instead of inverting the light ones; the button keeps its colour in both. Plain URLs may
 * break anywhere, so a long link never makes the mail wider than a phone screen.
 */

const FONT = 'font-family:Arial,Helvetica,sans-serif';
const TEXT_STYLE = `margin:0 0 16px;${FONT};font-size:16px;line-height:1.5;color:#1a1a1a`;
const URL_STYLE = 'color:#0b57d0;word-break:break-all;overflow-wrap:anywhere';
const BUTTON_COLOUR = '#0b57d0';

const DARK_MODE_STYLE = [
  '<style>',
  ':root{color-scheme:light dark;supported-color-schemes:light dark}',
  '@media (prefers-color-scheme: dark){',
  '.mail-body{background:#121212 !important}',
  '.mail-text{color:#e8e8e8 !important}',
  '.mail-url{color:#a8c7fa !important}',
  '}',
  '</style>',
].join('\n');

export function renderEmailHtml({ blocks, locale, title, phone }: RenderedBlocks): string {
  const paragraph = (inner: string) => `<p class="mail-text" style="${TEXT_STYLE}">${inner}</p>`;
  const urlLink = (url: string) =>
    `<a class="mail-url" href="${escapeHtml(url)}" style="${URL_STYLE}">${escapeHtml(url)}</a>`;
  const body = blocks
    .map((block) => {
      if (block.kind === 'paragraph') return paragraph(linkPhone(escapeHtml(block.text), phone));
      if (block.kind === 'link') return paragraph(`${escapeHtml(block.lead)}<br>${urlLink(block.url)}`);
      // The plain URL under the button: some clients strip buttons, and people should see where a link goes.
      return [button(block.label, block.url), paragraph(`${escapeHtml(block.fallback)}<br>${urlLink(block.url)}`)].join(
        '\n',
      );
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    `<title>${escapeHtml(title)}</title>`,
    DARK_MODE_STYLE,
    '</head>',
    '<body class="mail-body" style="margin:0;padding:24px 16px;background:#ffffff">',
    '<div style="max-width:600px;margin:0 auto">',
    body,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

function button(label: string, url: string): string {
  return [
    '<table role="presentation" border="0" cellspacing="0" cellpadding="0" style="margin:0 0 16px">',
    `<tr><td align="center" bgcolor="${BUTTON_COLOUR}" style="border-radius:4px;background:${BUTTON_COLOUR};padding:12px 20px">`,
    `<a href="${escapeHtml(url)}" style="${FONT};font-size:16px;font-weight:bold;line-height:1.25;color:#ffffff;text-decoration:none;display:inline-block">${escapeHtml(label)}</a>`,
    '</td></tr>',
    '</table>',
  ].join('\n');
}

/** Makes the (already escaped) support number in a paragraph a tel: link; the number itself stays as written. */
function linkPhone(escapedText: string, phone: string): string {
  const escapedPhone = escapeHtml(phone);
  const dialable = phone.replace(/[^+\d]/g, '');
  if (dialable.length < 3 || !escapedText.includes(escapedPhone)) return escapedText;
  return escapedText
    .split(escapedPhone)
    .join(`<a class="mail-url" href="tel:${dialable}" style="color:#0b57d0;white-space:nowrap">${escapedPhone}</a>`);
}
