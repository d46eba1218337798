import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type ImportSummary, runImport } from '../functions/import/run-import';

/*
 * `npm run bench:import [-- ROWS]` (or BENCH_ROWS=…): generates ROWS synthetic rows (default 1 000 000), imports them
 * to s3-files on all cores, then runs the bare HMAC loop (3 HMACs per row, `createHmac` with a KeyObject) on as many
 * worker threads, in the same run, and prints both rates, their ratio, the peak RSS and where the import's time went;
 * and, for reference, the same loop with the import's own HMAC (functions/import/pepper-hmac.ts).
 * Targets (issue 3): ratio ≥ 0.5 (aim 0.7), peak RSS ≤ 256 MB.
 * Then the table writer of the local/aws targets against a bare parallel BatchWrite loop (table-writer-bench.ts;
 * issue 15: ratio ≥ 0.8); BENCH_TABLE_ITEMS=0 skips it.
 */

/*
 * The import runs in a child process of its own (this file again, IMPORT_BENCH_CHILD set) with this process's node
 * flags — the same V8 flags as `portal import` (package.json) — so its peak RSS and CPU are the import's alone, as
 * `portal import` would show them: peak RSS is process-wide, and this process has loaded tsx, the bench and, before
 * the import, the yardstick's worker threads (≈ 40–70 MB more peak RSS when the import ran in here).
 */
interface ChildReport {
  summary: ImportSummary;
  /** Process CPU time (all threads) of runImport, in microseconds. */
  cpuMicros: number;
}

async function runImportChild(): Promise<void> {
  const { input, dir } = JSON.parse(process.env.IMPORT_BENCH_CHILD as string) as { input: string; dir: string };
  const cpuBefore = process.cpuUsage();
  const summary = await runImport({
    inputPath: input,
    pepper: new Uint8Array(Buffer.from(process.env.IMPORT_BENCH_PEPPER as string, 'hex')),
    breachId: 'bench-breach',
    customerNumberPattern: '^[0-9]{9}$',
    defaultPhoneRegion: 'NL',
    sink: { kind: 's3-files', outDir: join(dir, 'out') },
    rejectsPath: join(dir, 'rejects.csv'),
    workers,
    measure: true,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const report: ChildReport = { summary, cpuMicros: cpu.user + cpu.system };
  process.stdout.write(JSON.stringify(report));
}

function importInChild(input: string, dir: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url)],
      {
        env: {
          ...process.env,
          IMPORT_BENCH_CHILD: JSON.stringify({ input, dir }),
          IMPORT_BENCH_PEPPER: Buffer.from(pepper).toString('hex'),
        },
        maxBuffer: 16 << 20,
      },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as ChildReport)),
    );
  });
}

const rows = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 1_000_000);
const workers = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const pepper = new Uint8Array(randomBytes(32));

interface LoopResult {
  rowsPerSecond: number;
  /** Process CPU time per row (all threads), in microseconds: less sensitive to other load than wall time. */
  cpuMicrosPerRow: number;
}

function runHmacLoop(keyKind: 'KeyObject' | 'PepperHmac'): Promise<LoopResult> {
  const perWorker = Math.ceil(rows / workers);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  return Promise.all(
    Array.from(
      { length: workers },
      (_, index) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./bench-worker-bootstrap.mjs', import.meta.url), {
            workerData: {
              entry: new URL('./hmac-loop-worker.ts', import.meta.url).href,
              pepper,
              rows: perWorker,
              offset: index * perWorker,
              keyKind,
            },
          });
          worker.once('message', () => resolve());
          worker.once('error', reject);
        }),
    ),
  ).then(() => {
    const cpu = process.cpuUsage(cpuBefore);
    return {
      rowsPerSecond: (perWorker * workers) / (Number(process.hrtime.bigint() - started) / 1e9),
      cpuMicrosPerRow: (cpu.user + cpu.system) / (perWorker * workers),
    };
  });
}

const seconds = (ns: number) => (ns / 1e9).toFixed(2);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'import-bench-'));
  try {
    const input = join(dir, 'breach.csv');
    const started = Date.now();
    // In a child process, so the generator's memory does not count towards the import's peak RSS.
    const portal = fileURLToPath(new URL('../bin/portal.mjs', import.meta.url));
    execFileSync(process.execPath, [portal, 'generate', '--count', String(rows), '--out', input, '--seed', '42']);
    // The yardstick runs before and after the import: on a shared machine the load moves, and the mean of the two
    // brackets the import in time.
    const baselineBefore = await runHmacLoop('KeyObject');
    console.log(`generated ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const loadBefore = loadavg()[0] ?? 0;

    const { summary, cpuMicros } = await importInChild(input, dir);
    const coresUsed = cpuMicros / 1000 / summary.elapsedMs;
    const baselineAfter = await runHmacLoop('KeyObject');
    const baseline = (baselineBefore.rowsPerSecond + baselineAfter.rowsPerSecond) / 2;
    const baselineCpu = (baselineBefore.cpuMicrosPerRow + baselineAfter.cpuMicrosPerRow) / 2;
    const importCpu = cpuMicros / summary.rows;
    const ownHmacLoop = await runHmacLoop('PepperHmac');
    const loadAfter = loadavg()[0] ?? 0;

    // gzip runs on libuv's pool, outside the workers' clocks: time level-1 gzip of the first output file and scale.
    const files = summary.manifest?.files ?? [];
    const first = files[0];
    let gzipNs = 0;
    if (first) {
      const plain = gunzipSync(await readFile(join(dir, 'out', first.key)));
      const t = process.hrtime.bigint();
      gzipSync(plain, { level: 1 });
      const perByte = Number(process.hrtime.bigint() - t) / plain.length;
      gzipNs = perByte * files.reduce((sum, file) => sum + file.uncompressedBytes, 0);
    }
    const { timing } = summary;
    const ratio = summary.rowsPerSecond / baseline;
    const du = execFileSync('du', ['-sh', join(dir, 'out', 'data')])
      .toString()
      .split('\t')[0];
    console.log(
      [
        `rows              ${summary.rows} (${summary.identifiers} items, ${summary.rejects} rejects, ${files.length} files, ${du})`,
        `workers           ${workers} (cores: ${availableParallelism()}, load ${loadBefore.toFixed(2)} before / ${loadAfter.toFixed(2)} after)`,
        `import            ${Math.round(summary.rowsPerSecond)} rows/s (${(summary.elapsedMs / 1000).toFixed(1)} s wall, CPU ${coresUsed.toFixed(2)} cores on average)`,
        `bare HMAC loop    ${Math.round(baseline)} rows/s (3 createHmac per row, pepper as KeyObject, as the Lambdas hash; ${Math.round(baselineBefore.rowsPerSecond)} before, ${Math.round(baselineAfter.rowsPerSecond)} after the import)`,
        `ratio             ${ratio.toFixed(2)} (target ≥ 0.5, aim 0.7)`,
        `CPU per row       import ${importCpu.toFixed(1)} µs, HMAC loop ${baselineCpu.toFixed(1)} µs → CPU ratio ${(baselineCpu / importCpu).toFixed(2)} (what the ratio would be on an otherwise idle machine)`,
        `  for reference:  the same loop with the import's own HMAC (pepper-hmac.ts) ${Math.round(ownHmacLoop.rowsPerSecond)} rows/s, ${ownHmacLoop.cpuMicrosPerRow.toFixed(1)} µs per row → ratio ${(summary.rowsPerSecond / ownHmacLoop.rowsPerSecond).toFixed(2)}, CPU ratio ${(ownHmacLoop.cpuMicrosPerRow / importCpu).toFixed(2)}`,
        `peak RSS          ${Math.round(summary.maxRssKb / 1024)} MB of the import's own process (target ≤ 256 MB)`,
        `time split (thread seconds, all workers; one chunk in 8 timed and scaled): parse ${seconds(timing.parse)}, normalise ${seconds(timing.normalise)}, hash ${seconds(timing.hash)}, serialise ${seconds(timing.serialise)}, gzip ~${seconds(gzipNs)} (measured on the output), hand-off to gzip ${seconds(timing.write)}`,
      ].join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (Number(process.env.BENCH_TABLE_ITEMS ?? 1) > 0) {
    const { runTableWriterBench } = await import('./table-writer-bench');
    console.log((await runTableWriterBench()).lines.join('\n'));
  }
}

if (process.env.IMPORT_BENCH_CHILD) await runImportChild();
else await main();
