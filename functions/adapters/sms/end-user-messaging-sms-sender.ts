import { type PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { SmsMessage, SmsSender } from '../../core/ports';

/*
 * AWS End User Messaging SMS (the "pinpoint-sms-voice-v2" API) SendTextMessage: one text to one number, sent as
 * TRANSACTIONAL (delivered ahead of promotional traffic, no opt-in keyword handling) from the breach's sender id,
 * through the configuration set that carries the event destinations and the protect configuration (infra/sms.ts).
 * The client is passed in: functions/wiring builds it without an endpoint, so the SDK's own
 * AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 variable can point it at a stand-in (the local SMS outbox emulator).
 */

export interface EndUserMessagingSmsOptions {
  /** Alphanumeric sender id (or its ARN) from the breach config. */
  originationIdentity: string;
  configurationSetName?: string;
}

export class EndUserMessagingSmsSender implements SmsSender {
  constructor(
    private readonly client: Pick<PinpointSMSVoiceV2Client, 'send'>,
    private readonly options: EndUserMessagingSmsOptions,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    await this.client.send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: message.to,
        OriginationIdentity: this.options.originationIdentity,
        MessageBody: message.text,
        MessageType: 'TRANSACTIONAL',
        ...(this.options.configurationSetName ? { ConfigurationSetName: this.options.configurationSetName } : {}),
      }),
    );
  }
}
