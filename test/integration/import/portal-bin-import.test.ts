import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { expectedItems, FIXTURE_CSV } from './import-fixture';

/*
 * `portal import` re-runs bin/portal.mjs with V8 GC flags (single-threaded GC, small main-thread young generation).
 * Through the real binary: the import still produces every expected item, and the child's exit code reaches the
 * caller (a failed import must not look like a success to a script).
 */

const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', '..', 'bin', 'portal.mjs');
// A pepper file holds the pepper text (core/pepper-secret.ts); the key is its UTF-8 bytes.
const PEPPER_TEXT = 'BinImportTestPepper0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI';
const pepper = new TextEncoder().encode(PEPPER_TEXT);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portal-bin-import-'));
  await writeFile(join(dir, 'breach.csv'), FIXTURE_CSV);
  await writeFile(join(dir, 'pepper.key'), `${PEPPER_TEXT}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const importArgs = (input: string, out: string) => [
  BIN,
  'import',
  '--input',
  input,
  '--target',
  's3-files',
  '--out',
  out,
  '--pepper-file',
  join(dir, 'pepper.key'),
  '--breach',
  'bin-test',
];

it('imports through the re-run with GC flags and writes every expected item', async () => {
  const out = join(dir, 'out');
  await run(process.execPath, importArgs(join(dir, 'breach.csv'), out));
  const files = await readdir(join(out, 'data'));
  const lines = (
    await Promise.all(files.map(async (file) => gunzipSync(await readFile(join(out, 'data', file))).toString()))
  )
    .join('')
    .split('\n')
    .filter(Boolean);
  expect(lines).toHaveLength(expectedItems(pepper, 'bin-test').length);
}, 30_000);

it('passes a failed import’s non-zero exit code on', async () => {
  await expect(
    run(process.execPath, importArgs(join(dir, 'missing.csv'), join(dir, 'out-missing'))),
  ).rejects.toMatchObject({ code: 1 });
}, 30_000);
