import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { EMAIL_SENDER, ROUTES } from '../contract/routes';
import { BUNDLED_CONFIG_FILE, ESBUILD_TARGET, ESM_REQUIRE_BANNER, EXTERNAL_MODULES } from '../infra/app-function';

/*
 * `npm run bench:bundles` — each Lambda bundled exactly as the CDK's NodejsFunction does (esbuild, the options
 * exported by infra/app-function.ts), then: its size, and its load time in a fresh Node process as a ratio to an
 * empty module loaded the same way (a cold-start proxy: what the bundle adds to the runtime's own start).
 * Two views of load time, each the median of RUNS fresh processes:
 *   - import: time of `await import(bundle)` inside the process (module parse + top-level code only);
 *   - process: wall time of the whole process (Node start + import + exit), closer to a Lambda init.
 * The AWS SDK is external (the runtime ships it) but an adapter's static `import … from '@aws-sdk/…'` is hoisted
 * to the top of a single-file bundle, so the SDK loads with the module. A third baseline, "sdk", imports exactly the
 * SDK packages the bundle imports statically: bundle ÷ sdk is what our own code adds on top of the runtime's SDK.
 * Targets (issue 7): ≤ 200 KB minified per function, load ≤ 2× the empty module.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = resolve(ROOT, '.bench/bundles');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SIZE_TARGET_KB = 200;
const LOAD_TARGET_RATIO = 2;
/** Node 24 from the `node` devDependency, like the Lambda runtime; never the system Node. */
const NODE = resolve(ROOT, 'node_modules/.bin/node');

const LOADER = `
const start = performance.now();
await import(process.argv[2]);
process.stdout.write(String(performance.now() - start));
`;

interface Load {
  importMs: number;
  processMs: number;
}

interface Measured extends Load {
  id: string;
  sizeKb: number;
  empty: Load;
  sdk: Load;
  sdkPackages: string[];
}

/** The @aws-sdk packages a bundle imports at its top level (not inside a dynamic import()). */
function staticSdkImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:from|import)\s*"(@aws-sdk\/[a-z0-9-]+)"/g)) found.add(match[1] as string);
  return [...found].sort();
}

async function bundle(id: string, entry: string): Promise<string> {
  const dir = join(OUT, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'index.mjs');
  await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    platform: 'node',
    target: ESBUILD_TARGET,
    format: 'esm',
    outfile,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    external: EXTERNAL_MODULES,
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    logLevel: 'warning',
  });
  copyFileSync(resolve(ROOT, 'config/breach.json'), join(dir, BUNDLED_CONFIG_FILE));
  return outfile;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function loadOnce(file: string, loader: string): Load {
  const started = performance.now();
  const result = spawnSync(NODE, ['--enable-source-maps', loader, file], {
    encoding: 'utf8',
    // What the function's environment holds at init, with placeholders for the deployed names.
    env: {
      PATH: process.env.PATH,
      BREACH_CONFIG: join(file, '..', BUNDLED_CONFIG_FILE),
      POWERTOOLS_SERVICE_NAME: 'breach-portal',
      POWERTOOLS_METRICS_NAMESPACE: 'BreachPortal',
      AWS_REGION: 'eu-west-1',
    },
  });
  const processMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`loading ${file} failed: ${result.stderr}`);
  return { importMs: Number(result.stdout), processMs };
}

/**
 * Loads the files in turn, RUNS rounds, and returns each file's medians. Interleaving keeps a busy machine's
 * drift (other builds, tests) from landing on one file only, so the ratios stay meaningful.
 */
function measureInterleaved(files: string[], loader: string): Load[] {
  const samples = files.map(() => [] as Load[]);
  for (let run = 0; run < RUNS; run += 1) {
    files.forEach((file, index) => {
      samples[index]?.push(loadOnce(file, loader));
    });
  }
  return samples.map((loads) => ({
    importMs: median(loads.map((l) => l.importMs)),
    processMs: median(loads.map((l) => l.processMs)),
  }));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const loader = join(OUT, 'load-module.mjs');
  writeFileSync(loader, LOADER);
  const emptyDir = join(OUT, 'empty');
  mkdirSync(emptyDir, { recursive: true });
  const empty = join(emptyDir, 'index.mjs');
  writeFileSync(empty, 'export const handler = async () => ({});\n');
  writeFileSync(join(emptyDir, BUNDLED_CONFIG_FILE), '{}');

  const functions = [
    ...ROUTES.map((r) => ({ id: r.id, entry: r.entry })),
    { id: EMAIL_SENDER.id, entry: EMAIL_SENDER.entry },
  ];
  const results: Measured[] = [];
  for (const fn of functions) {
    const file = await bundle(fn.id, fn.entry);
    const sdkPackages = staticSdkImports(readFileSync(file, 'utf8'));
    const sdkBaseline = join(OUT, fn.id, 'sdk-baseline.mjs');
    writeFileSync(sdkBaseline, sdkPackages.map((name) => `import '${name}';`).join('\n') || 'export {};');
    const [emptyLoad, sdkLoad, bundleLoad] = measureInterleaved([empty, sdkBaseline, file], loader);
    if (!emptyLoad || !sdkLoad || !bundleLoad) throw new Error('missing measurement');
    results.push({
      id: fn.id,
      sizeKb: statSync(file).size / 1024,
      ...bundleLoad,
      empty: emptyLoad,
      sdk: sdkLoad,
      sdkPackages,
    });
  }

  console.log(
    `Lambda bundles: esbuild as the CDK runs it; load = median of ${RUNS} fresh Node ${process.version} processes`,
  );
  const emptyImport = median(results.map((r) => r.empty.importMs));
  const emptyProcess = median(results.map((r) => r.empty.processMs));
  console.log(
    `empty module (measured beside each bundle): import ≈ ${emptyImport.toFixed(2)} ms, process ≈ ${emptyProcess.toFixed(1)} ms\n`,
  );
  console.log(
    'function                  size KB  import ms  ×empty  process ms  ×empty  sdk-only import ms  ×sdk   static SDK imports',
  );
  let failures = 0;
  for (const r of results) {
    const processRatio = r.processMs / r.empty.processMs;
    const sizeOk = r.sizeKb <= SIZE_TARGET_KB;
    const loadOk = processRatio <= LOAD_TARGET_RATIO;
    if (!sizeOk || !loadOk) failures += 1;
    console.log(
      [
        r.id.padEnd(24),
        r.sizeKb.toFixed(1).padStart(8),
        r.importMs.toFixed(1).padStart(10),
        `${(r.importMs / r.empty.importMs).toFixed(1)}×`.padStart(7),
        r.processMs.toFixed(1).padStart(11),
        `${processRatio.toFixed(2)}×`.padStart(7),
        r.sdk.importMs.toFixed(1).padStart(19),
        `${(r.importMs / Math.max(r.sdk.importMs, r.empty.importMs)).toFixed(2)}×`.padStart(6),
        `  ${r.sdkPackages.join(' ') || '-'}${sizeOk ? '' : '  [size over target]'}${loadOk ? '' : '  [load over target]'}`,
      ].join(''),
    );
  }
  console.log(
    `\ntargets: ≤ ${SIZE_TARGET_KB} KB, process load ≤ ${LOAD_TARGET_RATIO}× empty — ${failures === 0 ? 'all met' : `${failures} function(s) over`}`,
  );
  if (failures > 0) process.exitCode = 1;
}

await main();
