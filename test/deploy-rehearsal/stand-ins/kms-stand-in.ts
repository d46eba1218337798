import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type RunningStandIn, ServiceError, startJsonProtocolServer } from './json-protocol-server';

/*
 * STAND-IN for AWS KMS (no emulator exists): `TrentService.Encrypt`, `Decrypt` and `GenerateDataKey` over the real
 * JSON 1.1 protocol, with real AES-256-GCM under a random secret per key. The encryption context is the GCM
 * additional data, so a wrong context fails to decrypt exactly as KMS refuses it. Like a real KMS ciphertext, the
 * blob carries the key's ARN, so Decrypt needs no KeyId (and the call recorder can name the key it used).
 *
 *   blob = [key ARN length: 1 byte][key ARN][iv: 12][tag: 16][ciphertext]
 */

export interface StandInKey {
  /** Key id (Ref) and ARN (Fn::GetAtt Arn) as the rehearsal resolved them from the template. */
  id: string;
  arn: string;
}

export function keyArnOfCiphertext(blob: Buffer): string | undefined {
  const length = blob[0];
  return length ? blob.subarray(1, 1 + length).toString('utf8') : undefined;
}

export function startKmsStandIn(keys: readonly StandInKey[]): Promise<RunningStandIn> {
  const secrets = new Map(keys.map((key) => [key.arn, randomBytes(32)]));
  const keyOf = (keyId: unknown): StandInKey => {
    const key = keys.find((k) => k.id === keyId || k.arn === keyId);
    if (!key) throw new ServiceError('NotFoundException', `Key '${String(keyId)}' does not exist`);
    return key;
  };
  const contextOf = (input: Record<string, unknown>) =>
    Buffer.from(JSON.stringify(Object.entries((input.EncryptionContext ?? {}) as object).sort()));
  const seal = (key: StandInKey, plaintext: Buffer, context: Buffer): string => {
    if (plaintext.length < 1 || plaintext.length > 4096) {
      throw new ServiceError('ValidationException', 'Plaintext must be between 1 and 4096 bytes');
    }
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', secrets.get(key.arn) as Buffer, iv).setAAD(context);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const arn = Buffer.from(key.arn);
    return Buffer.concat([Buffer.from([arn.length]), arn, iv, cipher.getAuthTag(), body]).toString('base64');
  };
  return startJsonProtocolServer('TrentService', {
    Encrypt: (input) => {
      const key = keyOf(input.KeyId);
      const ciphertext = seal(key, Buffer.from(String(input.Plaintext ?? ''), 'base64'), contextOf(input));
      return { CiphertextBlob: ciphertext, KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
    },
    GenerateDataKey: (input) => {
      const key = keyOf(input.KeyId);
      const plaintext = randomBytes(input.KeySpec === 'AES_128' ? 16 : Number(input.NumberOfBytes ?? 32));
      const ciphertext = seal(key, plaintext, contextOf(input));
      return { CiphertextBlob: ciphertext, Plaintext: plaintext.toString('base64'), KeyId: key.arn };
    },
    Decrypt: (input) => {
      const blob = Buffer.from(String(input.CiphertextBlob ?? ''), 'base64');
      const arn = keyArnOfCiphertext(blob);
      const key = keyOf(arn);
      if (input.KeyId !== undefined && keyOf(input.KeyId).arn !== key.arn) {
        throw new ServiceError(
          'IncorrectKeyException',
          'The key ID in the request does not identify the key that encrypted it',
        );
      }
      const offset = 1 + Buffer.byteLength(key.arn);
      try {
        const decipher = createDecipheriv(
          'aes-256-gcm',
          secrets.get(key.arn) as Buffer,
          blob.subarray(offset, offset + 12),
        )
          .setAAD(contextOf(input))
          .setAuthTag(blob.subarray(offset + 12, offset + 28));
        const plaintext = Buffer.concat([decipher.update(blob.subarray(offset + 28)), decipher.final()]);
        return { Plaintext: plaintext.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
      } catch {
        throw new ServiceError('InvalidCiphertextException', 'The ciphertext or its encryption context is not valid');
      }
    },
  });
}
