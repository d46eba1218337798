import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import { FIXTURE_CSV } from './import-fixture';

export interface ImportWorkspace {
  /** A dynalite of this suite's own, on a free port. */
  readonly dynamo: TestDynamo;
  /** A temporary folder holding `breach.csv` (the fixture); LOCAL_DIR points at `local/` inside it. */
  readonly dir: string;
}

/**
 * What every `portal import --target local` suite starts from, set up in beforeAll and removed in afterAll (LOCAL_DIR
 * restored): read its fields inside tests and hooks, not at module load.
 */
export function useImportWorkspace(prefix: string): ImportWorkspace {
  let dynamo: TestDynamo | undefined;
  let dir: string | undefined;
  const previousLocalDir = process.env.LOCAL_DIR;
  beforeAll(async () => {
    dynamo = await startDynamo();
    dir = await mkdtemp(join(tmpdir(), prefix));
    await writeFile(join(dir, 'breach.csv'), FIXTURE_CSV);
    process.env.LOCAL_DIR = join(dir, 'local');
  });
  afterAll(async () => {
    if (previousLocalDir === undefined) delete process.env.LOCAL_DIR;
    else process.env.LOCAL_DIR = previousLocalDir;
    await dynamo?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get dynamo() {
      if (!dynamo) throw new Error('useImportWorkspace: read the workspace inside a test or hook');
      return dynamo;
    },
    get dir() {
      if (!dir) throw new Error('useImportWorkspace: read the workspace inside a test or hook');
      return dir;
    },
  };
}
