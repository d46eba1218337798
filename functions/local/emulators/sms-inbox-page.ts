import { escapeHtml } from '../../core/email/html-escape';
import { smsEncodingOf } from '../../core/sms/sms-segments';

/*
 * The SMS outbox emulator's inbox page: every text the portal sent, newest first, as a phone would show it, with
 * its encoding and segment count (what it would cost). Links open in a new window, as a phone opens them in a browser.
 */

/** One sent text as GET /store returns it. */
export interface StoredSms {
  messageId: string;
  destinationPhoneNumber: string;
  originationIdentity?: string;
  messageBody: string;
  messageType?: string;
  configurationSetName?: string;
  at: number;
}

const LINK = /https?:\/\/[^\s<>"]+/g;

export function renderSmsInbox(messages: readonly StoredSms[]): string {
  const items = [...messages]
    .reverse()
    .map((message) => {
      const encoding = smsEncodingOf(message.messageBody);
      const text = escapeHtml(message.messageBody).replace(
        LINK,
        (url) => `<a href="${url}" target="_blank" rel="noopener">${url}</a>`,
      );
      return `<li><p class="meta">To <strong>${escapeHtml(message.destinationPhoneNumber)}</strong> from ${escapeHtml(
        message.originationIdentity ?? '(default)',
      )} · ${new Date(message.at).toISOString()} · ${encoding.encoding}, ${encoding.units} units, ${
        encoding.segments
      } segment(s)</p><p class="text">${text}</p></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SMS outbox (local stand-in)</title>
<meta http-equiv="refresh" content="5">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
ul{list-style:none;padding:0}li{border:1px solid #ccc;border-radius:1rem;padding:.5rem 1rem;margin:1rem 0}
.meta{color:#555;font-size:.85rem}.text{white-space:pre-wrap;overflow-wrap:anywhere}</style></head>
<body><h1>SMS outbox</h1><p>Local stand-in for AWS End User Messaging SMS: nothing here reached a phone.
JSON: <a href="/store">/store</a>.</p>
${messages.length === 0 ? '<p>No texts yet.</p>' : `<ul>${items}</ul>`}
</body></html>
`;
}
