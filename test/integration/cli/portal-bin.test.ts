import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import { FIXTURE_CSV } from '../import/import-fixture';

/*
 * The real binary (bin/portal.mjs, which re-runs itself with V8 flags for `import`): its exit codes reach the shell
 * (2 included), expected failures print no stack trace, a local import with nothing listening names the endpoint and
 * `npm start`, and `--json` leaves exactly one JSON object on stdout for import and verify.
 */

const BIN = join(__dirname, '..', '..', '..', 'bin', 'portal.mjs');
const PEPPER_TEXT = 'PortalBinTestPepper0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH';
const STACK_LINE = /^\s+at /m;

let dir: string;
let dynamo: TestDynamo;
beforeAll(async () => {
  [dir, dynamo] = await Promise.all([mkdtemp(join(tmpdir(), 'portal-bin-')), startDynamo()]);
  await writeFile(join(dir, 'breach.csv'), FIXTURE_CSV);
  await writeFile(join(dir, 'pepper.key'), `${PEPPER_TEXT}\n`);
});
afterAll(async () => {
  await dynamo?.stop();
  await rm(dir, { recursive: true, force: true });
});

function portal(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeFlags: string[] = [],
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, BIN, ...args], {
      env: { ...process.env, LOCAL_DIR: join(dir, 'local'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

it('--version prints the package version; no command is a usage error (2) with the help on stderr', async () => {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const [versionRun, bare] = await Promise.all([portal(['--version']), portal([])]);
  expect(versionRun).toEqual({ code: 0, out: `${version}\n`, err: '' });
  expect(bare).toMatchObject({ code: 2, out: '', err: expect.stringContaining('Usage: portal') });
}, 30_000);

it('passes exit 2 on through the re-run of `import`, with the bad value named', async () => {
  const result = await portal(['import', '--input', join(dir, 'breach.csv'), '--target', 's3']);
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/argument 's3' is invalid\. Allowed choices are local, aws, s3-files\./);
}, 30_000);

it('prints no stack trace for a missing pepper file or an unreadable BREACH_CONFIG (exit 1)', async () => {
  const [pepper, config] = await Promise.all([
    portal(
      ['import', '--input', join(dir, 'breach.csv'), '--target', 's3-files', '--out', join(dir, 'out-x')].concat([
        '--pepper-file',
        join(dir, 'missing.key'),
      ]),
    ),
    portal(['normalize', 'email', 'jan@example.nl'], { BREACH_CONFIG: join(dir, 'missing.json') }),
  ]);
  expect(pepper).toMatchObject({ code: 1, err: expect.stringContaining('Cannot read the pepper file') });
  expect(config).toMatchObject({ code: 1, err: expect.stringContaining('BREACH_CONFIG') });
  expect(pepper.err).not.toMatch(STACK_LINE);
  expect(config.err).not.toMatch(STACK_LINE);
}, 30_000);

it('a local import or verify with no emulator names the endpoint and `npm start` (exit 1)', async () => {
  // Port 1 (tcpmux) has no listener on any machine this runs on: a free port picked at run time could be taken by
  // another suite's emulator before the CLI connects, and then something would answer.
  const port = 1;
  await writeFile(join(dir, 'closed-manifest.json'), JSON.stringify({ breachId: 'b', items: 1, sample: [] }));
  const [imported, verified] = await Promise.all([
    portal(['import', '--input', join(dir, 'breach.csv'), '--rejects', join(dir, 'closed.csv')], {
      DYNAMODB_PORT: String(port),
    }),
    portal(['verify', '--manifest', join(dir, 'closed-manifest.json'), '--table', 't', '--target', 'local'], {
      DYNAMODB_PORT: String(port),
    }),
  ]);
  const hint = `No DynamoDB emulator answers at http://127.0.0.1:${port}: start the local stack with \`npm start\``;
  for (const result of [imported, verified]) {
    expect(result.code).toBe(1);
    expect(result.err).toContain(hint);
    expect(result.err).not.toMatch(/temporarily unavailable/);
    expect(result.err).not.toMatch(STACK_LINE);
  }
}, 30_000);

it('--json: import (s3-files) prints one summary object on stdout', async () => {
  const out = join(dir, 'out');
  const args = ['import', '--input', join(dir, 'breach.csv'), '--target', 's3-files', '--out', out];
  const result = await portal([...args, '--pepper-file', join(dir, 'pepper.key'), '--breach', 'bin-json', '--json']);
  expect(result.code).toBe(0);
  const summary = JSON.parse(result.out);
  expect(summary).toMatchObject({
    ok: true,
    target: 's3-files',
    table: null,
    breachId: 'bin-json',
    rows: 10,
    rejects: 5,
    itemsWritten: null,
    rejectsPath: join(out, 'rejects.csv'),
    manifestPath: join(out, 'manifest.json'),
    dataDir: join(out, 'data'),
  });
  expect(summary.identifiers).toBeGreaterThan(0);
  const manifest = JSON.parse(await readFile(summary.manifestPath, 'utf8'));
  expect(manifest).toMatchObject({ items: summary.identifiers, files: expect.any(Array) });
  expect(summary.files).toBe(manifest.files.length);
}, 60_000);

it('--json: import to a local emulator and verify it, each one object on stdout', async () => {
  const table = dynamo.tableNames.exposures;
  const common = ['--target', 'local', '--endpoint', dynamo.endpoint, '--table', table, '--json'];
  const imported = await portal([
    'import',
    '--input',
    join(dir, 'breach.csv'),
    '--rejects',
    join(dir, 'local', 'rejects.csv'),
    ...common,
  ]);
  expect(imported.code).toBe(0);
  const summary = JSON.parse(imported.out);
  expect(summary).toMatchObject({
    ok: true,
    target: 'local',
    table,
    rows: 10,
    manifestPath: join(dir, 'local', 'import-manifest.json'),
  });
  expect(summary.itemsWritten).toBe(summary.identifiers);

  const verified = await portal(['verify', '--manifest', summary.manifestPath, ...common]);
  expect(verified.code).toBe(0);
  expect(JSON.parse(verified.out)).toEqual({
    manifest: summary.manifestPath,
    ok: true,
    table,
    breachId: summary.breachId,
    sample: { checked: expect.any(Number), found: expect.any(Number) },
    items: { stored: summary.identifiers, expected: summary.identifiers },
  });
  const { sample } = JSON.parse(verified.out);
  expect(sample.found).toBe(sample.checked);
  expect(sample.checked).toBeGreaterThan(0);
}, 60_000);

// A module hook that names every module the process resolves, on stderr (node --import runs it before the CLI). The
// hooks run on a thread of their own, whose process.stderr is relayed to the main thread asynchronously: the CLI's
// process.exit could cut that short under load, so the hook writes to file descriptor 2 synchronously.
const TRACE_HOOK = `import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  writeSync(2, 'resolved ' + result.url + '\\n');
  return result;
}`;
const TRACE = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(TRACE_HOOK)}`)});`;

it('loads a command only when it runs: normalize and import --help load neither the AWS SDK nor the pipeline', async () => {
  const flags = ['--import', `data:text/javascript,${encodeURIComponent(TRACE)}`];
  const [normalize, importHelp] = await Promise.all([
    portal(['normalize', 'email', 'Jan@Example.nl'], {}, flags),
    portal(['import', '--help'], {}, flags),
  ]);
  expect(normalize).toMatchObject({ code: 0, out: 'jan@example.nl\n' });
  expect(importHelp).toMatchObject({ code: 0, out: expect.stringContaining('--pepper-file') });
  for (const { err } of [normalize, importHelp]) {
    expect(err).toMatch(/resolved .*functions\/cli\/program\.ts/);
    expect(err).not.toMatch(/@aws-sdk|functions\/import\/|functions\/cli\/import-command/);
  }
}, 30_000);
