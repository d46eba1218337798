import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { breachConfigPathFromEnv } from '../../../functions/config/load-breach-config';
import { PROJECT_ROOT } from '../../../functions/local/local-stack';
import { buildSiteForRun, type RunSite } from '../../../functions/local/site-build';

/*
 * `npm start` builds the site for each run, with real Astro builds: two at once (two stacks, two jest workers) each
 * get their own complete output, a folder left by a killed run is cleared, a failed build says why and leaves
 * nothing behind.
 */

jest.setTimeout(180_000);

describe('site build per run', () => {
  const built: RunSite[] = [];

  afterAll(async () => {
    for (const site of built) await site.remove();
  });

  it('builds two sites at once into folders of their own, each complete, each removed by its own remove()', async () => {
    const sites = await Promise.all([
      buildSiteForRun(PROJECT_ROOT, breachConfigPathFromEnv(), { showOutput: false }),
      buildSiteForRun(PROJECT_ROOT, breachConfigPathFromEnv(), { showOutput: false }),
    ]);
    built.push(...sites);
    const [first, second] = sites as [RunSite, RunSite];

    expect(first.dir).not.toBe(second.dir);
    for (const site of sites) {
      expect(await readFile(join(site.dir, 'nl', 'index.html'), 'utf8')).toContain('<html');
      expect(existsSync(join(site.dir, '404.html'))).toBe(true);
    }
    await first.remove();
    expect(existsSync(first.dir)).toBe(false);
    expect(existsSync(join(second.dir, 'nl', 'index.html'))).toBe(true);
  });

  it('clears a folder a killed run left behind, and keeps one whose process still runs', async () => {
    const runsDir = dirname((built.at(-1) as RunSite).dir);
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const abandoned = join(runsDir, `run-${deadPid}-deadbeef`);
    const inUse = join(runsDir, `run-${process.ppid}-cafebabe`);
    for (const folder of [abandoned, inUse]) {
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'index.html'), 'left over');
    }

    built.push(await buildSiteForRun(PROJECT_ROOT, breachConfigPathFromEnv(), { showOutput: false }));

    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(inUse)).toBe(true);
    await rm(inUse, { recursive: true, force: true });
  });

  it('rejects with Astro’s output when the build fails, and leaves no folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'site-build-bad-'));
    const badConfig = join(dir, 'breach.json');
    await writeFile(badConfig, '{"not": "a breach config"}');
    try {
      const runsDir = dirname((built.at(-1) as RunSite).dir);
      const before = new Set(await readdir(runsDir));
      await expect(buildSiteForRun(PROJECT_ROOT, badConfig, { showOutput: false })).rejects.toThrow(
        /The site build failed \(astro build exited 1\)\.\n[\s\S]+/,
      );
      const after = await readdir(runsDir);
      expect(after.filter((name) => !before.has(name))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
