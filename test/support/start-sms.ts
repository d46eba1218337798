import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {
  clearSmsStore,
  createEmulatorSmsClient,
  readSmsStore,
  type StoredSms,
  startSmsEmulator,
} from '../../functions/local/emulators/sms-emulator';

/*
 * Integration-test helper: the SMS outbox emulator (a stand-in speaking SendTextMessage's wire protocol) on a port
 * the OS picks, with the real SDK client pointed at it. Unlike the SES emulator its store belongs to one server.
 */

export interface TestSms {
  endpoint: string;
  createSmsClient(): PinpointSMSVoiceV2Client;
  readStore(): Promise<StoredSms[]>;
  clearStore(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSms(): Promise<TestSms> {
  const emulator = await startSmsEmulator({ port: 0 });
  const clients: PinpointSMSVoiceV2Client[] = [];
  return {
    endpoint: emulator.endpoint,
    createSmsClient: () => {
      const client = createEmulatorSmsClient(emulator.endpoint);
      clients.push(client);
      return client;
    },
    readStore: () => readSmsStore(emulator.endpoint),
    clearStore: () => clearSmsStore(emulator.endpoint),
    stop: async () => {
      for (const client of clients) client.destroy();
      await emulator.stop();
    },
  };
}
