import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { main } from '../../../functions/cli/main';
import { pepperKeyFromStoredSecret } from '../../../functions/core/pepper-secret';
import { EXPECTED_REJECTS, expectedItems, FIXTURE_CSV, sortItems } from './import-fixture';
import { useImportWorkspace } from './import-workspace';

/*
 * `portal import --target local` against a real dynalite (started on a free port by the test): the items land
 * in the exposures table, readable through the ExposureStore, and a re-import leaves the same items.
 */

const workspace = useImportWorkspace('import-local-');

async function importToEmulator(file = 'breach.csv', extra: string[] = []): Promise<string> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  const args = [
    '--input',
    join(workspace.dir, file),
    '--target',
    'local',
    '--endpoint',
    workspace.dynamo.endpoint,
    ...extra,
  ];
  const code = await main(
    [
      'import',
      ...args,
      '--table',
      workspace.dynamo.tableNames.exposures,
      '--breach',
      'test-breach',
      '--rejects',
      join(workspace.dir, 'rejects.csv'),
    ],
    io,
  );
  expect(code).toBe(0);
  return lines.join('\n');
}

async function scanExposures() {
  const result = await workspace.dynamo.client.send(
    new ScanCommand({ TableName: workspace.dynamo.tableNames.exposures }),
  );
  return (result.Items ?? []) as { identifierHash: string; recordKey: string }[];
}

describe('portal import --target local', () => {
  it('writes the expected items with the local pepper, findable through the ExposureStore', async () => {
    const log = await importToEmulator();
    expect(log).toContain('rows 10, identifiers 10, subjects 7, rejects 5');
    const pepper = pepperKeyFromStoredSecret(await readFile(join(workspace.dir, 'local', 'pepper.key'), 'utf8'));
    const expected = expectedItems(pepper, 'test-breach');
    expect(sortItems(await scanExposures())).toEqual(sortItems(expected));

    const store = workspace.dynamo.stores().exposures;
    const family = await store.findByIdentifier(expected[4]?.identifierHash ?? '');
    expect(family.map((record) => record.fields).sort()).toEqual([
      ['email', 'fullName'],
      ['email', 'fullName', 'customerNumber'],
    ]);
    expect((await readFile(join(workspace.dir, 'rejects.csv'), 'utf8')).trim().split('\n')).toEqual(EXPECTED_REJECTS);
  });

  it('is idempotent: importing the same file again leaves the same items', async () => {
    const before = sortItems(await scanExposures());
    await importToEmulator();
    expect(sortItems(await scanExposures())).toEqual(before);
  });

  it('merges the fields of a subject found again in a further file, with --merge-existing', async () => {
    const header = FIXTURE_CSV.replace('\uFEFF', '').split('\r\n')[0];
    await writeFile(join(workspace.dir, 'second.csv'), `${header}\n723456789,,,,,,,,NL91ABNA0417164300,,,,\n`);
    await importToEmulator('second.csv', ['--merge-existing']);
    const pepper = pepperKeyFromStoredSecret(await readFile(join(workspace.dir, 'local', 'pepper.key'), 'utf8'));
    const records = await workspace.dynamo
      .stores()
      .exposures.findByIdentifier(expectedItems(pepper, 'test-breach')[8]?.identifierHash ?? '');
    expect(records.map((record) => record.fields)).toEqual([['iban', 'phone', 'fullName', 'customerNumber']]);
  });
});
