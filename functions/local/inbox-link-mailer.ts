import type { EmailMessage, Mailer } from '../core/ports';

/*
 * Local only. The SES emulator's inbox page shows a mail's HTML inside an iframe, and the portal (like the CDN)
 * forbids being framed (X-Frame-Options DENY, frame-ancestors 'none'), so a link clicked there would load nothing.
 * A mail client opens links in a browser window of their own; this asks the inbox to do the same, by adding a
 * `<base target="_blank">` to the HTML part. Text, subject and every link stay exactly as the sender composed them.
 */

const OPEN_LINKS_IN_NEW_WINDOW = '<base target="_blank">';

export class InboxLinkMailer implements Mailer {
  constructor(private readonly mailer: Mailer) {}

  send(message: EmailMessage): Promise<void> {
    const html = /<head[^>]*>/i.test(message.html)
      ? message.html.replace(/<head[^>]*>/i, (head) => `${head}${OPEN_LINKS_IN_NEW_WINDOW}`)
      : `${OPEN_LINKS_IN_NEW_WINDOW}${message.html}`;
    return this.mailer.send({ ...message, html });
  }
}
