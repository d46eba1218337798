import { MIN_PEPPER_BYTES, type Pepper } from './identifier-hash';

/*
 * The one pepper contract (docs/deploy.md#the-pepper-format). The stored pepper is TEXT: the secret's SecretString
 * exactly as Secrets Manager's GenerateSecretString makes it for infra/secrets.ts (64 characters of [A-Za-z0-9]);
 * the HMAC key is the UTF-8 bytes of that text. A pepper file (`portal import --pepper-file`, `.local/pepper.key`)
 * holds the same text on one line. Every reader (the Lambdas, every `portal import` target, the local stack) turns
 * what it read into key bytes here and nowhere else.
 *
 * Why so strict: a reader that guessed ("looks like base64, so decode it") once made every imported hash differ from
 * the Lambdas', and every affected customer was told they were not affected. Text outside the generated alphabet
 * (base64 padding, raw bytes, spaces) is refused rather than interpreted, so no reader can derive a different key.
 */

export const PEPPER_SECRET_LENGTH = 64;
const PEPPER_TEXT = new RegExp(`^[A-Za-z0-9]{${MIN_PEPPER_BYTES},}$`);

export class InvalidPepperError extends Error {
  constructor(detail: string) {
    super(
      `The pepper is not in the portal's format (${detail}): it must be at least ${MIN_PEPPER_BYTES} characters of ` +
        `A-Z, a-z and 0-9 on one line, exactly as Secrets Manager generates the pepper secret (docs/deploy.md#the-pepper-format).`,
    );
  }
}

function describeBadPepper(text: string): string {
  if (text.length < MIN_PEPPER_BYTES) return `${text.length} characters`;
  if (/[\r\n]/.test(text)) return 'more than one line';
  return 'characters outside A-Z, a-z, 0-9';
}

/** Stored pepper text (a SecretString, or a pepper file's content) → HMAC key bytes. One trailing newline is ignored. */
export function pepperKeyFromStoredSecret(text: string): Pepper {
  const line = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!PEPPER_TEXT.test(line)) throw new InvalidPepperError(describeBadPepper(line));
  return new TextEncoder().encode(line);
}
