import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/*
 * Builds the real site (astro build, ~1–2 s) into a temporary folder, so the checks see exactly what the CDN would
 * serve, without touching site/dist, which the local stack may be serving at the same time.
 */

const PROJECT_ROOT = join(__dirname, '../../..');
const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

export interface BuiltSite {
  dir: string;
  /** Path (relative to dir, with forward slashes) → content, for every .html file. */
  html: Map<string, string>;
  read(path: string): string;
  remove(): void;
}

/** Builds the site with an optional breach config (written to a temp file) and returns its output. */
export function buildSite(breachConfig?: unknown): BuiltSite {
  const dir = mkdtempSync(join(tmpdir(), 'site-build-'));
  const outDir = join(dir, 'dist');
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  if (breachConfig !== undefined) {
    const configPath = join(dir, 'breach.json');
    writeFileSync(configPath, JSON.stringify(breachConfig));
    env.BREACH_CONFIG = configPath;
  } else {
    delete env.BREACH_CONFIG;
  }
  // process.execPath: the Node that runs jest (Node 24 via the `node` devDependency), as npm scripts would.
  const result = spawnSync(process.execPath, [ASTRO_BIN, 'build', '--root', 'site', '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`astro build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const html = new Map<string, string>();
  for (const file of filesUnder(outDir)) {
    if (file.endsWith('.html')) html.set(relative(outDir, file).split('\\').join('/'), readFileSync(file, 'utf8'));
  }
  return {
    dir: outDir,
    html,
    read: (path) => readFileSync(join(outDir, path.replace(/^\//, '')), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The HTML file a site path is served from: /nl/faq → nl/faq/index.html, /nl/ → nl/index.html. */
export function htmlFileFor(sitePath: string): string {
  const trimmed = sitePath.replace(/^\//, '').replace(/\/$/, '');
  return trimmed ? `${trimmed}/index.html` : 'index.html';
}

/** src of every <script> tag; undefined for an inline script. */
export function scriptSources(html: string): (string | undefined)[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((match) => /\ssrc="([^"]+)"/i.exec(match[1] ?? '')?.[1]);
}

/** Bytes of JavaScript a page loads: its module scripts plus every chunk they import, each counted once. */
export function javaScriptBytes(site: BuiltSite, html: string): number {
  const seen = new Set<string>();
  const pending = scriptSources(html).filter((src): src is string => src !== undefined);
  let bytes = 0;
  while (pending.length > 0) {
    const src = pending.pop() as string;
    if (seen.has(src)) continue;
    seen.add(src);
    const file = join(site.dir, src.replace(/^\//, ''));
    if (!existsSync(file)) throw new Error(`script ${src} is referenced but was not built`);
    const code = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(code);
    for (const match of code.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      const imported = match[1] as string;
      pending.push(imported.startsWith('/') ? imported : join(dirname(src), imported).split('\\').join('/'));
    }
  }
  return bytes;
}

/** Heading levels in document order, e.g. [1, 2, 2, 3]. */
export function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])\b/gi)].map((match) => Number(match[1]));
}
