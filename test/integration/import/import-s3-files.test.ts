import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { main } from '../../../functions/cli/main';
import { DEFAULT_COLUMNS } from '../../../functions/import/import-columns';
import { EXPECTED_REJECTS, expectedItems, FIXTURE_CSV, FIXTURE_RAW_VALUES, sortItems } from './import-fixture';

/*
 * `portal import --target s3-files` end to end, with real worker threads: exactly the expected items and rejects
 * from a tricky fixture, a manifest that matches the files, and no raw input value in any output or in the log.
 */

// A pepper file holds the pepper text (core/pepper-secret.ts); the key is its UTF-8 bytes.
const PEPPER_TEXT = 'S3FilesImportTestPepper0123456789abcdefghijklmnopqrstuvwxyzABCDE';
const pepper = new TextEncoder().encode(PEPPER_TEXT);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-s3-'));
  await writeFile(join(dir, 'breach.csv'), FIXTURE_CSV);
  await writeFile(join(dir, 'pepper.key'), `${PEPPER_TEXT}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function runCli(args: string[]) {
  const lines: string[] = [];
  const code = await main(['import', ...args], { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return { code, log: lines.join('\n') };
}

async function readOutputItems(outDir: string) {
  const files = await readdir(join(outDir, 'data'));
  const lines = files.flatMap((file) =>
    gunzipSync(readFileSync(join(outDir, 'data', file)))
      .toString()
      .split('\n')
      .filter(Boolean),
  );
  return lines.map((line) => {
    const { Item } = JSON.parse(line);
    return {
      identifierHash: Item.identifierHash.S,
      recordKey: Item.recordKey.S,
      breachId: Item.breachId.S,
      subjectId: Item.subjectId.S,
      fields: Item.fields.L.map((value: { S: string }) => value.S),
    };
  });
}

describe('portal import --target s3-files', () => {
  const outDir = () => join(dir, 'out');
  const args = () => [
    '--input',
    join(dir, 'breach.csv'),
    '--target',
    's3-files',
    '--out',
    outDir(),
    '--pepper-file',
    join(dir, 'pepper.key'),
    '--breach',
    'test-breach',
  ];
  let log = '';

  beforeAll(async () => {
    const result = await runCli(args());
    expect(result.code).toBe(0);
    log = result.log;
  });

  it('writes exactly the expected items', async () => {
    expect(sortItems(await readOutputItems(outDir()))).toEqual(sortItems(expectedItems(pepper, 'test-breach')));
  });

  it('writes the rejects by line, column and reason, in line order', async () => {
    expect((await readFile(join(outDir(), 'rejects.csv'), 'utf8')).trim().split('\n')).toEqual(EXPECTED_REJECTS);
  });

  it('summarises the run and lists the files in a manifest', async () => {
    expect(log).toContain('rows 10, identifiers 10, subjects 7, rejects 5');
    const manifest = JSON.parse(await readFile(join(outDir(), 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'DYNAMODB_JSON', compression: 'GZIP', rows: 10, items: 10, rejects: 5 });
    expect(manifest.files.reduce((sum: number, file: { items: number }) => sum + file.items, 0)).toBe(10);
    expect((await readdir(outDir())).sort()).toEqual(['data', 'manifest.json', 'rejects.csv']);
  });

  it('leaves no raw input value in any output file or in the log', async () => {
    const outputs = [
      log,
      await readFile(join(outDir(), 'manifest.json'), 'utf8'),
      await readFile(join(outDir(), 'rejects.csv'), 'utf8'),
      JSON.stringify(await readOutputItems(outDir())),
    ].join('\n');
    expect(FIXTURE_RAW_VALUES.length).toBeGreaterThan(20);
    expect(FIXTURE_RAW_VALUES.filter((value) => outputs.includes(value))).toEqual([]);
  });

  it('gives the same files on a re-run (idempotent, and the old files are replaced)', async () => {
    const before = await readOutputItems(outDir());
    expect((await runCli(args())).code).toBe(0);
    expect(sortItems(await readOutputItems(outDir()))).toEqual(sortItems(before));
  });
});

describe('portal import refuses bad input before writing anything', () => {
  const run = (input: string, out: string, extra: string[] = []) =>
    runCli([
      '--input',
      input,
      '--target',
      's3-files',
      '--out',
      out,
      '--pepper-file',
      join(dir, 'pepper.key'),
      ...extra,
    ]);

  it('refuses a pepper file that is not the pepper text (here: base64 of raw bytes) instead of decoding it', async () => {
    await writeFile(join(dir, 'base64-pepper.key'), `${Buffer.alloc(32, 9).toString('base64')}\n`);
    const args = ['--pepper-file', join(dir, 'base64-pepper.key')];
    const result = await runCli([
      '--input',
      join(dir, 'breach.csv'),
      '--target',
      's3-files',
      '--out',
      join(dir, 'out-b64'),
      ...args,
    ]);
    expect(result.code).toBe(1);
    expect(result.log).toMatch(/^Import failed \(bad_pepper\): .*characters outside A-Z, a-z, 0-9.*#the-pepper-format/);
    await expect(readdir(join(dir, 'out-b64'))).rejects.toThrow();
  });

  it('names missing required columns', async () => {
    const input = join(dir, 'no-iban.csv');
    await writeFile(input, `${DEFAULT_COLUMNS.filter((c) => c !== 'iban').join(',')}\n`);
    const result = await run(input, join(dir, 'out-missing'));
    expect(result.code).toBe(1);
    expect(result.log).toMatch(/missing_columns.*iban/);
    await expect(readdir(join(dir, 'out-missing'))).rejects.toThrow();
  });

  it('says when the input is not CSV', async () => {
    const input = join(dir, 'binary.bin');
    await writeFile(input, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]));
    const result = await run(input, join(dir, 'out-binary'));
    expect(result.code).toBe(1);
    expect(result.log).toMatch(/not_csv/);
  });

  it('says when the output directory cannot be written', async () => {
    const result = await run(join(dir, 'breach.csv'), join(dir, 'pepper.key', 'below-a-file'));
    expect(result.code).toBe(1);
    expect(result.log).toMatch(/output_unwritable/);
  });

  it('follows a column map for other headers', async () => {
    const input = join(dir, 'mapped.csv');
    await writeFile(input, FIXTURE_CSV.replace('customer_number,', 'klantnummer,'));
    await writeFile(join(dir, 'map.json'), JSON.stringify({ customer_number: 'klantnummer' }));
    const result = await run(input, join(dir, 'out-mapped'), ['--map', join(dir, 'map.json')]);
    expect(result.code).toBe(0);
    expect(result.log).toContain('identifiers 10');
  });
});

describe('portal import with a customer listed twice', () => {
  it("writes one item per identifier, with the union of the rows' fields", async () => {
    const header = DEFAULT_COLUMNS.join(',');
    const input = join(dir, 'twice.csv');
    await writeFile(
      input,
      `${header}\n123456789,Jan Jansen,,,,,,jan@example.nl,,,,,\n123456789,,,,,,0612345678,,NL91ABNA0417164300,,,,\n`,
    );
    const out = join(dir, 'out-twice');
    const args = ['--input', input, '--target', 's3-files', '--out', out, '--pepper-file', join(dir, 'pepper.key')];
    expect((await runCli(args)).code).toBe(0);
    const items = await readOutputItems(out);
    expect(items).toHaveLength(3);
    expect(new Set(items.map((item) => item.fields.join(',')))).toEqual(
      new Set(['iban,phone,email,fullName,customerNumber']),
    );
  });
});
