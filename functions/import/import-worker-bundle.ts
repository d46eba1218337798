import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/*
 * Where the import's worker threads load their code from. Through tsx (the bootstrap), every worker carries the
 * loader, its caches and the transformed source of each module: ≈ 12.5 MB of live heap before its first row, which
 * every mark-compact of the worker walks again (docs/performance.md → Import). So the worker and everything it imports
 * are bundled once per process by esbuild (a devDependency, like tsx; ≈ 0.1 s in its own process) into one ES module
 * that the workers load from a data: URL: no build step to forget, no file left behind, and the bundle is always the
 * sources as they are now. If esbuild cannot run, the workers fall back to the tsx bootstrap and still work.
 */

const WORKER_SOURCE = new URL('./import-worker.ts', import.meta.url);
const TSX_BOOTSTRAP = new URL('./import-worker-bootstrap.mjs', import.meta.url);

let entry: Promise<URL> | undefined;

async function bundle(): Promise<URL> {
  const result = await build({
    entryPoints: [fileURLToPath(WORKER_SOURCE)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no output');
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** The URL to start an import worker from: the bundle, built at first use, or the tsx bootstrap if that fails. */
export function importWorkerEntry(): Promise<URL> {
  entry ??= bundle().catch(() => TSX_BOOTSTRAP);
  return entry;
}
