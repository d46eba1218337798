import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateTableCommand, paginateScan } from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITIONS } from '../../../contract/tables';
import { createTableInput } from '../../../functions/local/emulators/dynamodb-emulator';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';

/*
 * Issue 15: a crash part-way through `portal import` must not mean starting over, nor leave gaps or extra items.
 * The real CLI runs as a subprocess against dynalite; once its checkpoint shows written chunks it is SIGKILLed (no
 * clean-up runs), then the same command is re-run. It must say it resumes, and the table must then hold exactly the
 * items of an uninterrupted import of the same file into a second table — key for key, attribute for attribute.
 */

const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', '..', 'bin', 'portal.mjs');
// bin/portal.mjs re-runs itself with these flags for `import`; passing them here makes the spawned process the import
// itself, so the SIGKILL below hits the process that writes, not a parent that would leave it running.
const IMPORT_V8_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=1'];
const ROWS = 12_000;

let dynamo: TestDynamo;
let dir: string;

beforeAll(async () => {
  dynamo = await startDynamo();
  dir = await mkdtemp(join(tmpdir(), 'import-resume-'));
  await run(process.execPath, [
    BIN,
    'generate',
    '--count',
    String(ROWS),
    '--out',
    join(dir, 'breach.csv'),
    '--seed',
    '7',
  ]);
  await mkdir(join(dir, 'killed'));
  await mkdir(join(dir, 'clean'));
  const exposures = TABLE_DEFINITIONS.find((definition) => definition.key === 'exposures');
  if (!exposures) throw new Error('no exposures table definition');
  await dynamo.rawClient.send(new CreateTableCommand(createTableInput(exposures, 'uninterrupted-exposures')));
}, 60_000);
afterAll(async () => {
  await dynamo.stop();
  await rm(dir, { recursive: true, force: true });
});

function importArgs(table: string, workDir: string): string[] {
  return [
    ...IMPORT_V8_FLAGS,
    BIN,
    'import',
    '--input',
    join(dir, 'breach.csv'),
    '--target',
    'local',
    '--endpoint',
    dynamo.endpoint,
    '--table',
    table,
    '--breach',
    'resume-test',
    '--rejects',
    join(workDir, 'rejects.csv'),
    // Few requests in flight and one worker: slow enough that the kill lands part-way on any machine.
    '--concurrency',
    '1',
    '--workers',
    '1',
  ];
}

const env = () => ({ ...process.env, LOCAL_DIR: join(dir, 'local') });

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function scanKeys(table: string): Promise<string[]> {
  const items: string[] = [];
  for await (const page of paginateScan({ client: dynamo.rawClient }, { TableName: table })) {
    for (const item of page.Items ?? []) items.push(JSON.stringify(item, Object.keys(item).sort()));
  }
  return items.sort();
}

it('resumes after a SIGKILL part-way and ends with exactly the items of an uninterrupted import', async () => {
  const killedDir = join(dir, 'killed');
  const checkpoint = join(killedDir, 'import-checkpoint.json');
  const child = spawn(process.execPath, importArgs(dynamo.tableNames.exposures, killedDir), {
    env: env(),
    stdio: 'ignore',
  });
  const exit = exited(child);
  // Wait until the checkpoint records a few written chunks, then kill without warning.
  let offset = 0;
  while (offset < 300_000) {
    const outcome = await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 25))]);
    if (outcome) throw new Error(`the import ended before it could be killed: ${JSON.stringify(outcome)}`);
    if (existsSync(checkpoint))
      offset = (JSON.parse(await readFile(checkpoint, 'utf8')) as { progress: { offset: number } }).progress.offset;
  }
  child.kill('SIGKILL');
  expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
  const partial = await scanKeys(dynamo.tableNames.exposures);

  const resumed = await run(process.execPath, importArgs(dynamo.tableNames.exposures, killedDir), { env: env() });
  expect(resumed.stdout).toMatch(/Resuming the import at line \d+/);
  expect(resumed.stdout).toMatch(new RegExp(`rows ${ROWS}, `));
  expect(existsSync(checkpoint)).toBe(false);

  const cleanDir = join(dir, 'clean');
  const clean = await run(process.execPath, importArgs('uninterrupted-exposures', cleanDir), { env: env() });
  expect(clean.stdout).not.toMatch(/Resuming/);

  const expected = await scanKeys('uninterrupted-exposures');
  const actual = await scanKeys(dynamo.tableNames.exposures);
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.length).toBeLessThan(expected.length);
  expect(actual).toHaveLength(expected.length);
  expect(actual).toEqual(expected);
  // The rejects file of the resumed run lists each rejected line once, as the uninterrupted one does.
  expect(await readFile(join(killedDir, 'rejects.csv'), 'utf8')).toBe(
    await readFile(join(cleanDir, 'rejects.csv'), 'utf8'),
  );
}, 180_000);
