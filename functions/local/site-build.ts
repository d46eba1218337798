import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from './local-dir-lock';

/*
 * `npm start` serves the site as it is in the sources: every run builds it (astro build, a few seconds) into a folder
 * of its own and removes that folder when it stops. Nothing can be stale (a page, functions/core, BREACH_CONFIG), and
 * two stacks or test files never write one output folder, so there is no staleness check and no build lock.
 *
 * The folders live inside the project (node_modules/.cache): Astro keeps its prerender chunks next to the output only
 * when the output is under the working directory (otherwise in one shared <cwd>/.astro, where two builds collide), and
 * those chunks must resolve the project's node_modules.
 */

/** `npm run build`'s output: what is deployed (and what a stack started with buildSite: false serves). */
export function siteDistDir(projectRoot: string): string {
  return join(projectRoot, 'site', 'dist');
}

export interface RunSite {
  /** The built site, for this run only. */
  dir: string;
  remove(): Promise<void>;
}

function runSitesDir(projectRoot: string): string {
  return join(projectRoot, 'node_modules', '.cache', 'portal-site');
}

/**
 * Builds the site from breachConfigPath into a new folder; rejects when the build fails. `showOutput` passes Astro's
 * progress through (for a person at `npm start`); otherwise it is kept and only shown in the error.
 */
export async function buildSiteForRun(
  projectRoot: string,
  breachConfigPath: string,
  { showOutput = true }: { showOutput?: boolean } = {},
): Promise<RunSite> {
  const site = await newRunSite(projectRoot);
  try {
    await runAstroBuild(projectRoot, breachConfigPath, site.dir, showOutput);
  } catch (error) {
    await site.remove();
    throw error;
  }
  return site;
}

/**
 * A site built before (SITE_DIR, site/dist), copied so this run can fill in its own inbox links and compressed copies
 * without touching the original. A source that does not exist gives an empty site: every page is a 404.
 */
export async function copySiteForRun(projectRoot: string, source: string): Promise<RunSite> {
  const site = await newRunSite(projectRoot);
  if (existsSync(source)) await cp(source, site.dir, { recursive: true });
  return site;
}

async function newRunSite(projectRoot: string): Promise<RunSite> {
  await removeAbandonedRunSites(projectRoot);
  const dir = join(runSitesDir(projectRoot), `run-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function runAstroBuild(projectRoot: string, breachConfigPath: string, outDir: string, showOutput: boolean) {
  // Astro itself, not `npm run build:site`: serving needs no type-check, and one process less starts faster.
  const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', 'site', '--outDir', outDir], {
      cwd: projectRoot,
      stdio: ['ignore', showOutput ? 'inherit' : 'pipe', showOutput ? 'inherit' : 'pipe'],
      env: { ...process.env, BREACH_CONFIG: breachConfigPath, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`The site build failed (astro build exited ${code}).${output ? `\n${output}` : ''}`)),
    );
  });
}

/** A stack killed outright (SIGKILL, power cut) cannot remove its folder; the next build does, by the pid in its name. */
async function removeAbandonedRunSites(projectRoot: string): Promise<void> {
  const entries = await readdir(runSitesDir(projectRoot)).catch(() => [] as string[]);
  for (const name of entries) {
    const pid = Number(/^run-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      await rm(join(runSitesDir(projectRoot), name), { recursive: true, force: true });
    }
  }
}
