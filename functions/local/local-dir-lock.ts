import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * One local stack per LOCAL_DIR: dynalite's LevelDB files cannot be shared, and a second stack on the same folder
 * crashed deep inside dynalite. The lock file holds the owner's pid, so a lock left by a killed stack is taken over.
 */

export class LocalDirInUseError extends Error {
  constructor(
    readonly localDir: string,
    readonly pid: number,
  ) {
    super(
      `${localDir} is in use by another local stack (process ${pid}). Stop that one, or give this one its own ` +
        'folder: LOCAL_DIR=.local-2 npm start',
    );
    this.name = 'LocalDirInUseError';
  }
}

const LOCK_FILE = 'stack.pid';

/** Takes the folder for this process; resolves with the release function. */
export async function lockLocalDir(localDir: string): Promise<() => Promise<void>> {
  const file = join(localDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new LocalDirInUseError(localDir, owner);
    }
    await rm(file, { force: true });
  }
  throw new Error(`Cannot take ${file}: another process keeps creating it.`);
}

/** Whether process pid still runs (also used to clear what a killed stack left behind). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means the folder is in use.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
