import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { SecretBox } from '../../core/ports';

/*
 * Seals what a customer types into the assisted-lookup form with the portal's customer-managed KMS key (DESIGN §2.7):
 * the check Lambdas may only Encrypt, the staff Lambda only Decrypt. The encryption context binds a ciphertext to
 * its purpose, so a sealed value cannot be replayed into another KMS-backed field; KMS logs it in CloudTrail.
 * KMS Encrypt takes at most 4 096 bytes of plaintext: the caller checks the exact bytes first
 * (SECRET_BOX_MAX_PLAINTEXT_BYTES in core/ports.ts), so a long request is a 400, never a KMS error and a 500.
 */

const ENCRYPTION_CONTEXT = { purpose: 'assist-request-details' };

export class KmsSecretBox implements SecretBox {
  constructor(
    private readonly client: Pick<KMSClient, 'send'>,
    private readonly keyId: string,
  ) {}

  async seal(plaintext: string): Promise<string> {
    const result = await this.client.send(
      new EncryptCommand({
        KeyId: this.keyId,
        Plaintext: Buffer.from(plaintext, 'utf8'),
        EncryptionContext: ENCRYPTION_CONTEXT,
      }),
    );
    if (!result.CiphertextBlob) throw new Error('KMS returned no ciphertext');
    return Buffer.from(result.CiphertextBlob).toString('base64');
  }

  async open(sealed: string): Promise<string> {
    const result = await this.client.send(
      new DecryptCommand({
        KeyId: this.keyId,
        CiphertextBlob: Buffer.from(sealed, 'base64'),
        EncryptionContext: ENCRYPTION_CONTEXT,
      }),
    );
    if (!result.Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(result.Plaintext).toString('utf8');
  }
}
