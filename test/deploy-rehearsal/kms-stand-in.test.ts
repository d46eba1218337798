import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { generateLikeSecretsManager } from '../support/generate-secret-string';
import type { RunningStandIn } from './stand-ins/json-protocol-server';
import { startKmsStandIn } from './stand-ins/kms-stand-in';

/*
 * The rehearsal's KMS stand-in speaks the service's wire protocol well enough for the real SDK client: values come
 * back, refusals arrive as the SDK's named exceptions. And a generated secret has exactly the template's format.
 */

const client = { region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const KEY = { id: 'key-1', arn: 'arn:aws:kms:eu-west-1:000000000000:key/key-1' };
const OTHER_KEY = { id: 'key-2', arn: 'arn:aws:kms:eu-west-1:000000000000:key/key-2' };
let kms: RunningStandIn;

beforeAll(async () => {
  kms = await startKmsStandIn([KEY, OTHER_KEY]);
});
afterAll(() => kms.stop());

it('generates a secret in the GenerateSecretString format: length, alphabet, every included type', () => {
  const format = { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false, RequireEachIncludedType: true };
  for (let i = 0; i < 20; i++) {
    const value = generateLikeSecretsManager(format);
    expect(value).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(value).toMatch(/[a-z]/);
    expect(value).toMatch(/[A-Z]/);
    expect(value).toMatch(/[0-9]/);
  }
  expect(generateLikeSecretsManager({ PasswordLength: 200 })).toMatch(/[!-/:-@[-`{-~]/);
  expect(() => generateLikeSecretsManager({ SecretStringTemplate: '{}' } as never)).toThrow('SecretStringTemplate');
});

it('encrypts with real AES-GCM bound to key and context: Decrypt needs no KeyId, refuses a wrong context or key', async () => {
  const k = new KMSClient({ ...client, endpoint: kms.endpoint });
  const context = { purpose: 'test' };
  const sealed = await k.send(
    new EncryptCommand({ KeyId: KEY.id, Plaintext: Buffer.from('hello'), EncryptionContext: context }),
  );
  expect(Buffer.from(sealed.CiphertextBlob ?? []).includes(Buffer.from('hello'))).toBe(false);
  const opened = await k.send(
    new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: context }),
  );
  expect(Buffer.from(opened.Plaintext ?? []).toString()).toBe('hello');
  expect(opened.KeyId).toBe(KEY.arn);
  await expect(
    k.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: { purpose: 'other' } })),
  ).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
  await expect(
    k.send(
      new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, KeyId: OTHER_KEY.id, EncryptionContext: context }),
    ),
  ).rejects.toMatchObject({ name: 'IncorrectKeyException' });
  await expect(k.send(new EncryptCommand({ KeyId: KEY.id, Plaintext: Buffer.alloc(4097, 1) }))).rejects.toMatchObject({
    name: 'ValidationException',
  });
  const dataKey = await k.send(new GenerateDataKeyCommand({ KeyId: KEY.arn, KeySpec: 'AES_256' }));
  const reopened = await k.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }));
  expect(Buffer.from(reopened.Plaintext ?? [])).toEqual(Buffer.from(dataKey.Plaintext ?? []));
  k.destroy();
});
