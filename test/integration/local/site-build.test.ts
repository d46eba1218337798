import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSiteBuildStale } from '../../../functions/local/site-build';

/* When `npm start` rebuilds the site: on a fake project tree with controlled file dates, no Astro run needed. */

describe('site build staleness', () => {
  let projectRoot: string;
  let configPath: string;
  const past = new Date('2026-01-01T00:00:00Z');
  const built = new Date('2026-02-01T00:00:00Z');
  const later = new Date('2026-03-01T00:00:00Z');

  beforeEach(async () => {
    projectRoot = await mkdtemp(join(tmpdir(), 'site-build-'));
    for (const folder of ['site/dist', 'site/src/pages', 'site/.astro', 'functions/core']) {
      await mkdir(join(projectRoot, folder), { recursive: true });
    }
    configPath = join(projectRoot, 'breach.json');
    const files = [join(projectRoot, 'site/src/pages/index.astro'), join(projectRoot, 'functions/core/fields.ts')];
    for (const file of [...files, configPath]) {
      await writeFile(file, 'x');
      await utimes(file, past, past);
    }
    for (const folder of ['site/src/pages', 'site/src', 'functions/core', 'functions']) {
      await utimes(join(projectRoot, folder), past, past);
    }
    await writeFile(join(projectRoot, 'site/dist/index.html'), '<!doctype html>');
    await utimes(join(projectRoot, 'site/dist/index.html'), built, built);
  });

  afterEach(async () => {
    await rm(projectRoot, { recursive: true, force: true });
  });

  it('is stale when site/dist has no pages', async () => {
    await rm(join(projectRoot, 'site/dist/index.html'));
    expect(await isSiteBuildStale({ projectRoot, breachConfigPath: configPath })).toBe(true);
  });

  it('is fresh when every source is older than the build', async () => {
    expect(await isSiteBuildStale({ projectRoot, breachConfigPath: configPath })).toBe(false);
  });

  it('is stale when a page or the shared core changed after the build', async () => {
    await utimes(join(projectRoot, 'site/src/pages/index.astro'), later, later);
    expect(await isSiteBuildStale({ projectRoot, breachConfigPath: configPath })).toBe(true);

    await utimes(join(projectRoot, 'site/src/pages/index.astro'), past, past);
    await utimes(join(projectRoot, 'functions/core/fields.ts'), later, later);
    expect(await isSiteBuildStale({ projectRoot, breachConfigPath: configPath })).toBe(true);
  });

  it('is stale when the build was made from another breach config, even an older file', async () => {
    await writeFile(join(projectRoot, 'site/.astro/local-build-config.sha256'), 'digest-of-another-config');
    expect(await isSiteBuildStale({ projectRoot, breachConfigPath: configPath })).toBe(true);
  });
});
