import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SECRET_BOX_MAX_PLAINTEXT_BYTES, type SecretBox } from '../../core/ports';

/*
 * NOT FOR PRODUCTION. The local stand-in for KmsSecretBox: AES-256-GCM with a key kept in a file under .local/
 * (git-ignored, created on first use). Deployed, assist requests are sealed with the customer-managed KMS key, whose
 * use is access-controlled and audited; a key file on disk is neither. It exists so `npm start` and the tests store
 * assist requests encrypted the same way, without AWS.
 */

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_PREFIX = 'localdev1.';

export class LocalDevSecretBox implements SecretBox {
  constructor(private readonly key: Uint8Array) {
    if (key.byteLength !== KEY_BYTES) throw new Error(`The local dev key must be ${KEY_BYTES} bytes`);
  }

  /** Reads the key file, or creates it (owner-only) with a fresh random key. */
  static async fromKeyFile(path: string): Promise<LocalDevSecretBox> {
    try {
      return new LocalDevSecretBox(await readFile(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(KEY_BYTES);
    await mkdir(dirname(path), { recursive: true });
    // 'wx': if another process created it meanwhile, fail rather than overwrite a key that sealed data already.
    await writeFile(path, key, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    return new LocalDevSecretBox(await readFile(path));
  }

  async seal(plaintext: string): Promise<string> {
    // KMS Encrypt takes 1 to 4 096 bytes; so does the stand-in, or the local stack would accept what the deployed
    // portal cannot seal.
    const bytes = Buffer.byteLength(plaintext, 'utf8');
    if (bytes > SECRET_BOX_MAX_PLAINTEXT_BYTES)
      throw new Error(`Plaintext over ${SECRET_BOX_MAX_PLAINTEXT_BYTES} bytes, more than KMS Encrypt takes`);
    if (bytes === 0) throw new Error('Empty plaintext, which KMS Encrypt refuses');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return FORMAT_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
  }

  async open(sealed: string): Promise<string> {
    if (!sealed.startsWith(FORMAT_PREFIX)) throw new Error('Not a LocalDevSecretBox value');
    const bytes = Buffer.from(sealed.slice(FORMAT_PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
