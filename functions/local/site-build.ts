import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * `npm start` must serve the site as it is in the sources: a fresh clone has no site/dist, and a pulled change to a
 * page or to the breach config must show without a manual build. Building only when stale keeps a restart fast.
 */

export interface SiteBuildCheck {
  projectRoot: string;
  /** The breach config the pages are built from (BREACH_CONFIG or the shipped one). */
  breachConfigPath: string;
}

export function siteDistDir(projectRoot: string): string {
  return join(projectRoot, 'site', 'dist');
}

/** Where the last local build notes which breach config it used (site/.astro is Astro's git-ignored cache). */
function buildStampPath(projectRoot: string): string {
  return join(projectRoot, 'site', '.astro', 'local-build-config.sha256');
}

async function configDigest(breachConfigPath: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(breachConfigPath))
    .digest('hex');
}

/**
 * True when site/dist is missing, older than any site source (the site also imports functions/core), or built from
 * another breach config: switching BREACH_CONFIG to an older file must rebuild too, so the config is compared by
 * content, not by date.
 */
export async function isSiteBuildStale({ projectRoot, breachConfigPath }: SiteBuildCheck): Promise<boolean> {
  const builtAt = await modifiedAt(join(siteDistDir(projectRoot), 'index.html'));
  if (builtAt === undefined) return true;
  const stamp = await readFile(buildStampPath(projectRoot), 'utf8').catch(() => undefined);
  if (stamp !== undefined && stamp.trim() !== (await configDigest(breachConfigPath))) return true;
  const sources = [
    join(projectRoot, 'site', 'src'),
    join(projectRoot, 'site', 'public'),
    join(projectRoot, 'site', 'astro.config.mjs'),
    join(projectRoot, 'site', 'security-headers.json'),
    join(projectRoot, 'functions', 'core'),
    breachConfigPath,
  ];
  for (const source of sources) {
    if ((await newestModification(source)) > builtAt) return true;
  }
  return false;
}

/**
 * Runs `npm run build:site` (Astro); rejects when the build fails. `showOutput` passes Astro's progress through (for
 * a person at `npm start`); otherwise it is kept and only shown in the error (tests stay readable).
 */
export function buildSite(projectRoot: string, breachConfigPath: string, showOutput = true): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build:site'], {
      cwd: projectRoot,
      stdio: ['ignore', showOutput ? 'inherit' : 'pipe', showOutput ? 'inherit' : 'pipe'],
      env: { ...process.env, BREACH_CONFIG: breachConfigPath, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`The site build failed (npm run build:site exited ${code}).${output ? `\n${output}` : ''}`)),
    );
  });
}

export async function ensureSiteBuilt(
  check: SiteBuildCheck,
  log: (line: string) => void,
  { showOutput = true }: { showOutput?: boolean } = {},
): Promise<void> {
  if (!(await isSiteBuildStale(check))) return;
  // Two test files (jest workers) or a test and `npm start` may find the site stale at once; Astro empties
  // site/dist before writing, so a second build would pull pages from under the first one's browser.
  await withBuildLock(check.projectRoot, async () => {
    if (!(await isSiteBuildStale(check))) return;
    log('Building the site (site/dist is missing or older than its sources)…');
    await buildSite(check.projectRoot, check.breachConfigPath, showOutput);
    await mkdir(join(check.projectRoot, 'site', '.astro'), { recursive: true });
    await writeFile(buildStampPath(check.projectRoot), await configDigest(check.breachConfigPath));
  });
}

const LOCK_STALE_MS = 5 * 60 * 1000;

async function withBuildLock(projectRoot: string, build: () => Promise<void>): Promise<void> {
  const lock = join(
    tmpdir(),
    `portal-site-build-${createHash('sha256').update(projectRoot).digest('hex').slice(0, 16)}`,
  );
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const heldSince = await modifiedAt(lock);
      // A build that died without cleaning up leaves its lock; one older than any build is taken over.
      if (heldSince !== undefined && Date.now() - heldSince > LOCK_STALE_MS)
        await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await build();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function modifiedAt(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function newestModification(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    newest = Math.max(newest, await newestModification(join(path, entry.name)));
  }
  return newest;
}
