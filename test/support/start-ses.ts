import { SESClient } from '@aws-sdk/client-ses';
import {
  clearSesStore,
  readSesStore,
  type StoredEmail,
  startSesEmulator,
} from '../../functions/local/emulators/ses-emulator';

/*
 * Integration-test helper: a real aws-ses-v2-local on a port the OS picks. Its mailbox is shared by every SES
 * emulator in the same jest worker, so clear it in beforeEach when a test counts mails.
 *
 *   let ses: TestSes;
 *   beforeAll(async () => { ses = await startSes(); });
 *   beforeEach(() => ses.clearStore());
 *   afterAll(() => ses.stop());
 *   const mailer = new SesMailer(ses.createSesClient());   // whatever takes an SESClient
 *   const [mail] = await ses.readStore();                   // mail.subject, mail.body.text, mail.destination.to
 */

export interface TestSes {
  endpoint: string;
  /** An SES v1 client pointed at the emulator (dummy credentials; the emulator only checks that some are sent). */
  createSesClient(): SESClient;
  readStore(): Promise<StoredEmail[]>;
  clearStore(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSes(): Promise<TestSes> {
  const emulator = await startSesEmulator({ port: 0 });
  const clients: SESClient[] = [];
  return {
    endpoint: emulator.endpoint,
    createSesClient: () => {
      const client = new SESClient({
        endpoint: emulator.endpoint,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      clients.push(client);
      return client;
    },
    readStore: () => readSesStore(emulator.endpoint),
    clearStore: () => clearSesStore(emulator.endpoint),
    stop: async () => {
      for (const client of clients) client.destroy();
      await emulator.stop();
    },
  };
}
