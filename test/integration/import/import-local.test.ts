import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { main } from '../../../functions/cli/main';
import { pepperKeyFromStoredSecret } from '../../../functions/core/pepper-secret';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import { EXPECTED_REJECTS, expectedItems, FIXTURE_CSV, sortItems } from './import-fixture';

/*
 * `portal import --target local` against a real dynalite (started on a free port by the test): the items land
 * in the exposures table, readable through the ExposureStore, and a re-import leaves the same items.
 */

let dynamo: TestDynamo;
let dir: string;
const previousLocalDir = process.env.LOCAL_DIR;

beforeAll(async () => {
  dynamo = await startDynamo();
  dir = await mkdtemp(join(tmpdir(), 'import-local-'));
  await writeFile(join(dir, 'breach.csv'), FIXTURE_CSV);
  process.env.LOCAL_DIR = join(dir, 'local');
});
afterAll(async () => {
  if (previousLocalDir === undefined) delete process.env.LOCAL_DIR;
  else process.env.LOCAL_DIR = previousLocalDir;
  await dynamo.stop();
  await rm(dir, { recursive: true, force: true });
});

async function importToEmulator(file = 'breach.csv', extra: string[] = []): Promise<string> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  const args = ['--input', join(dir, file), '--target', 'local', '--endpoint', dynamo.endpoint, ...extra];
  const code = await main(
    [
      'import',
      ...args,
      '--table',
      dynamo.tableNames.exposures,
      '--breach',
      'test-breach',
      '--rejects',
      join(dir, 'rejects.csv'),
    ],
    io,
  );
  expect(code).toBe(0);
  return lines.join('\n');
}

async function scanExposures() {
  const result = await dynamo.client.send(new ScanCommand({ TableName: dynamo.tableNames.exposures }));
  return (result.Items ?? []) as { identifierHash: string; recordKey: string }[];
}

describe('portal import --target local', () => {
  it('writes the expected items with the local pepper, findable through the ExposureStore', async () => {
    const log = await importToEmulator();
    expect(log).toContain('rows 10, identifiers 10, subjects 7, rejects 5');
    const pepper = pepperKeyFromStoredSecret(await readFile(join(dir, 'local', 'pepper.key'), 'utf8'));
    const expected = expectedItems(pepper, 'test-breach');
    expect(sortItems(await scanExposures())).toEqual(sortItems(expected));

    const store = dynamo.stores().exposures;
    const family = await store.findByIdentifier(expected[4]?.identifierHash ?? '');
    expect(family.map((record) => record.fields).sort()).toEqual([
      ['email', 'fullName'],
      ['email', 'fullName', 'customerNumber'],
    ]);
    expect((await readFile(join(dir, 'rejects.csv'), 'utf8')).trim().split('\n')).toEqual(EXPECTED_REJECTS);
  });

  it('is idempotent: importing the same file again leaves the same items', async () => {
    const before = sortItems(await scanExposures());
    await importToEmulator();
    expect(sortItems(await scanExposures())).toEqual(before);
  });

  it('merges the fields of a subject found again in a further file, with --merge-existing', async () => {
    const header = FIXTURE_CSV.replace('\uFEFF', '').split('\r\n')[0];
    await writeFile(join(dir, 'second.csv'), `${header}\n723456789,,,,,,,,NL91ABNA0417164300,,,,\n`);
    await importToEmulator('second.csv', ['--merge-existing']);
    const pepper = pepperKeyFromStoredSecret(await readFile(join(dir, 'local', 'pepper.key'), 'utf8'));
    const records = await dynamo
      .stores()
      .exposures.findByIdentifier(expectedItems(pepper, 'test-breach')[8]?.identifierHash ?? '');
    expect(records.map((record) => record.fields)).toEqual([['iban', 'phone', 'fullName', 'customerNumber']]);
  });
});
