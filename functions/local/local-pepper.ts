import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertPepper, type Pepper } from '../core/identifier-hash';

/*
 * The local stand-in for the Secrets Manager pepper (DESIGN §2): 32 random bytes made on first start and kept in
 * `<localDir>/pepper.key` (owner read/write only; .local/ is git-ignored), so hashes imported locally keep matching
 * across restarts. It is never printed or logged.
 */

export const PEPPER_FILE_NAME = 'pepper.key';
const PEPPER_BYTES = 32;

export async function loadOrCreateLocalPepper(localDir: string): Promise<Pepper> {
  const file = join(localDir, PEPPER_FILE_NAME);
  try {
    const pepper = new Uint8Array(await readFile(file));
    assertPepper(pepper);
    return pepper;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(
        `Cannot use the local pepper in ${file}: ${(error as Error).message}. Delete the file to make a new one (local hashes then change).`,
      );
    }
  }
  await mkdir(localDir, { recursive: true, mode: 0o700 });
  const pepper = new Uint8Array(randomBytes(PEPPER_BYTES));
  // Written whole to a private name, then linked into place: link() fails if the file exists, so two first starts
  // agree on one pepper, and nobody ever reads a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(draft, pepper, { mode: 0o600 });
    await chmod(draft, 0o600);
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateLocalPepper(localDir);
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return pepper;
}
