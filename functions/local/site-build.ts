import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
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
  await removeAbandonedRunSites(projectRoot);
  const dir = join(runSitesDir(projectRoot), `run-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await runAstroBuild(projectRoot, breachConfigPath, dir, showOutput);
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
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
