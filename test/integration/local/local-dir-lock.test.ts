import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirInUseError, lockLocalDir } from '../../../functions/local/local-dir-lock';

describe('one local stack per LOCAL_DIR', () => {
  let localDir: string;

  beforeEach(async () => {
    localDir = await mkdtemp(join(tmpdir(), 'local-dir-lock-'));
  });

  afterEach(async () => {
    await rm(localDir, { recursive: true, force: true });
  });

  it('refuses a second stack on a folder in use, naming LOCAL_DIR, until the first releases it', async () => {
    const release = await lockLocalDir(localDir);

    await expect(lockLocalDir(localDir)).rejects.toBeInstanceOf(LocalDirInUseError);
    await expect(lockLocalDir(localDir)).rejects.toThrow('LOCAL_DIR=');

    await release();
    const again = await lockLocalDir(localDir);
    await again();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    // Far above any pid the kernel hands out (pid_max is at most 2^22).
    await writeFile(join(localDir, 'stack.pid'), String(2 ** 30));

    const release = await lockLocalDir(localDir);
    expect(await readFile(join(localDir, 'stack.pid'), 'utf8')).toBe(String(process.pid));
    await release();
  });
});
