import { KMSClient } from '@aws-sdk/client-kms';
import { KmsSecretBox } from '../../../functions/adapters/kms/kms-secret-box';
import type { RunningStandIn } from '../../deploy-rehearsal/stand-ins/json-protocol-server';
import { startKmsStandIn } from '../../deploy-rehearsal/stand-ins/kms-stand-in';
import { describeSecretBoxContract } from '../../support/port-contracts/secret-box-contract';

/*
 * KmsSecretBox with the real KMS SDK client over HTTP, against the KMS stand-in (no KMS emulator exists; the stand-in
 * speaks KMS's JSON protocol with real AES-GCM, see test/deploy-rehearsal/stand-ins/kms-stand-in.ts).
 */

const KEYS = {
  first: { id: 'alias/assist-requests', arn: 'arn:aws:kms:eu-west-1:000000000000:key/first' },
  second: { id: 'alias/other', arn: 'arn:aws:kms:eu-west-1:000000000000:key/second' },
};
let kms: RunningStandIn;
let client: KMSClient;

beforeAll(async () => {
  kms = await startKmsStandIn(Object.values(KEYS));
  client = new KMSClient({
    endpoint: kms.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(async () => {
  client.destroy();
  await kms.stop();
});

describeSecretBoxContract('KMS', (key) => new KmsSecretBox(client, KEYS[key].id));
