import { randomBytes, randomInt } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pepper } from '../core/identifier-hash';
import { InvalidPepperError, PEPPER_SECRET_LENGTH, pepperKeyFromStoredSecret } from '../core/pepper-secret';

/*
 * The local stand-in for the Secrets Manager pepper (DESIGN §2): made on first start and kept in
 * `<localDir>/pepper.key` (owner read/write only; .local/ is git-ignored), so hashes imported locally keep matching
 * across restarts. It is never printed or logged. Same format as the deployed secret (core/pepper-secret.ts):
 * 64 characters of [A-Za-z0-9] with each kind present, as GenerateSecretString makes them, read by the same function.
 */

export const PEPPER_FILE_NAME = 'pepper.key';
const ALPHABETS = ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz', '0123456789'];
const ALPHABET = ALPHABETS.join('');
// Before the one pepper contract the local pepper was 32 raw random bytes: hashes made with it differ from the text
// format's, so such a file is refused with its own message instead of being read some other way.
const OLD_RAW_PEPPER_BYTES = 32;

export class LocalPepperError extends Error {}

/** Like Secrets Manager's GenerateSecretString with excludePunctuation and requireEachIncludedType. */
export function generatePepperText(length = PEPPER_SECRET_LENGTH): string {
  for (;;) {
    const text = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (ALPHABETS.every((kind) => [...text].some((char) => kind.includes(char)))) return text;
  }
}

function readError(file: string, content: Buffer, error: unknown): Error {
  if (!(error instanceof InvalidPepperError)) return error as Error;
  if (content.byteLength === OLD_RAW_PEPPER_BYTES)
    return new LocalPepperError(
      `${file} holds a pepper in the old local format (32 raw bytes), which would give other hashes than the text format: delete the local folder (rm -rf ${join(file, '..')}; the demo data is made again on the next start) or move it aside and re-import your local data.`,
    );
  return new LocalPepperError(
    `Cannot use the local pepper in ${file}: ${error.message} Delete the file to make a new one (local hashes then change).`,
  );
}

export async function loadOrCreateLocalPepper(localDir: string): Promise<Pepper> {
  const file = join(localDir, PEPPER_FILE_NAME);
  let content: Buffer | undefined;
  try {
    content = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new LocalPepperError(`Cannot read the local pepper in ${file}: ${(error as Error).message}`);
  }
  if (content) {
    try {
      return pepperKeyFromStoredSecret(content.toString('utf8'));
    } catch (error) {
      throw readError(file, content, error);
    }
  }
  await mkdir(localDir, { recursive: true, mode: 0o700 });
  const text = generatePepperText();
  // Written whole to a private name, then linked into place: link() fails if the file exists, so two first starts
  // agree on one pepper, and nobody ever reads a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(draft, `${text}\n`, { mode: 0o600 });
    await chmod(draft, 0o600);
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateLocalPepper(localDir);
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return pepperKeyFromStoredSecret(text);
}
