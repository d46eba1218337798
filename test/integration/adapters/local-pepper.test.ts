import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generatePepperText,
  LocalPepperError,
  loadOrCreateLocalPepper,
  PEPPER_FILE_NAME,
} from '../../../functions/local/local-pepper';

let localDir: string;

beforeEach(async () => {
  localDir = join(await mkdtemp(join(tmpdir(), 'pepper-')), '.local');
});
afterEach(() => rm(join(localDir, '..'), { recursive: true, force: true }));

describe('loadOrCreateLocalPepper', () => {
  it('creates 64 characters of [A-Za-z0-9] on first call, as Secrets Manager does, in a file only the owner reads', async () => {
    const pepper = await loadOrCreateLocalPepper(localDir);
    const text = await readFile(join(localDir, PEPPER_FILE_NAME), 'utf8');
    expect(text).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])[A-Za-z0-9]{64}\n$/);
    expect(Buffer.from(pepper).toString('utf8')).toBe(text.trim());
    expect((await stat(join(localDir, PEPPER_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('generates text with every kind of character, like requireEachIncludedType', () => {
    for (let i = 0; i < 50; i += 1) expect(generatePepperText(4)).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])/);
  });

  it('reads the same pepper back afterwards, so local hashes survive restarts', async () => {
    const first = await loadOrCreateLocalPepper(localDir);
    const second = await loadOrCreateLocalPepper(localDir);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('gives concurrent first starts one pepper between them', async () => {
    const [a, b] = await Promise.all([loadOrCreateLocalPepper(localDir), loadOrCreateLocalPepper(localDir)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses a pepper file that is too short instead of hashing with a weak key', async () => {
    await loadOrCreateLocalPepper(localDir);
    await writeFile(join(localDir, PEPPER_FILE_NAME), 'tooShort1\n');
    await expect(loadOrCreateLocalPepper(localDir)).rejects.toThrow(/Cannot use the local pepper.*9 characters/);
  });

  it('refuses the old 32-raw-byte pepper with one line saying to delete the folder, never hashing with it', async () => {
    await mkdir(localDir, { recursive: true });
    await writeFile(join(localDir, PEPPER_FILE_NAME), Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 3)));
    const error = await loadOrCreateLocalPepper(localDir).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(LocalPepperError);
    expect((error as Error).message).toMatch(/old local format \(32 raw bytes\).*rm -rf/);
    expect((error as Error).message).not.toContain('\n');
  });
});
