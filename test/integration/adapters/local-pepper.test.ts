import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateLocalPepper, PEPPER_FILE_NAME } from '../../../functions/local/local-pepper';

let localDir: string;

beforeEach(async () => {
  localDir = join(await mkdtemp(join(tmpdir(), 'pepper-')), '.local');
});
afterEach(() => rm(join(localDir, '..'), { recursive: true, force: true }));

describe('loadOrCreateLocalPepper', () => {
  it('creates 32 random bytes on first call in a file only the owner can read', async () => {
    const pepper = await loadOrCreateLocalPepper(localDir);
    expect(pepper.byteLength).toBe(32);
    expect(Buffer.from(pepper).equals(Buffer.alloc(32))).toBe(false);
    expect((await stat(join(localDir, PEPPER_FILE_NAME))).mode & 0o777).toBe(0o600);
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
    await writeFile(join(localDir, PEPPER_FILE_NAME), Buffer.alloc(8, 1));
    await expect(loadOrCreateLocalPepper(localDir)).rejects.toThrow(/Cannot use the local pepper/);
  });
});
