import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { EmailMessage, Mailer } from '../../core/ports';

/*
 * SES v1 SendEmail with a plain-text and an HTML part (templates are rendered in code: see compose-email.ts). The
 * client is passed in, built once per container by functions/wiring or pointed at the local SES emulator.
 */

export interface SesMailerOptions {
  /** SES configuration set: bounce/complaint events and sending metrics (deployed only). */
  configurationSetName?: string;
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: Pick<SESClient, 'send'>,
    private readonly options: SesMailerOptions = {},
  ) {}

  async send(message: EmailMessage): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        Source: message.from,
        Destination: { ToAddresses: [message.to] },
        ...(message.replyTo ? { ReplyToAddresses: [message.replyTo] } : {}),
        Message: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: message.text, Charset: 'UTF-8' },
            Html: { Data: message.html, Charset: 'UTF-8' },
          },
        },
        ...(this.options.configurationSetName ? { ConfigurationSetName: this.options.configurationSetName } : {}),
      }),
    );
  }
}
