import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidDeployConfigError } from '../../infra/deploy-config';
import { InvalidContextError, readPortalSettings } from '../../infra/portal-settings';
import { PROJECT_ROOT } from './synth-portal';

/*
 * Issue 15: the ImportTable source lives in the committed deploy configuration file, never in `-c` flags, and synth
 * refuses a change that would replace the exposures table (ImportTable only loads a table it creates) unless the
 * operator confirms it for that stage.
 */

// The demo config names no site domain: these settings are for a test stack on the CloudFront domain.
const contextOf = (values: Record<string, unknown>) => (key: string) => ({ allowDefaultDomain: true, ...values })[key];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'deploy-config-'));
}

function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const importFrom = (keyPrefix: string) => ({
  exposuresTable: { importSource: { bucket: 'hashed-import', keyPrefix } },
});

describe('deploy configuration file', () => {
  it('refuses the import source as -c flags, pointing at the file', () => {
    for (const key of ['importBucket', 'importPrefix']) {
      expect(() => readPortalSettings(contextOf({ [key]: 'x' }), PROJECT_ROOT)).toThrow(InvalidContextError);
      expect(() => readPortalSettings(contextOf({ [key]: 'x' }), PROJECT_ROOT)).toThrow(/config\/deploy\.json/);
    }
  });

  it('rejects unknown keys and a warm throughput outside what an on-demand table allows', () => {
    const dir = tempDir();
    for (const config of [
      { exposuresTable: { importSorce: {} } },
      { exposuresTable: { warmWritesPerSecond: 100 } },
      { exposuresTable: { importSource: { bucket: 'Not A Bucket' } } },
    ]) {
      const deployConfig = writeJson(dir, 'deploy.json', config);
      expect(() => readPortalSettings(contextOf({ deployConfig }), PROJECT_ROOT)).toThrow(InvalidDeployConfigError);
    }
  });

  it('records what the exposures table is created from, once the deploy configuration file exists', () => {
    const dir = tempDir();
    const tablesLock = join(dir, 'deployed-tables.json');
    const withoutFile = readPortalSettings(
      contextOf({ deployConfig: join(dir, 'absent.json'), tablesLock }),
      PROJECT_ROOT,
    );
    withoutFile.recordDeployedTables();
    expect(existsSync(tablesLock)).toBe(false);

    const deployConfig = writeJson(dir, 'deploy.json', importFrom('run-1/'));
    readPortalSettings(contextOf({ deployConfig, tablesLock, stage: 'acc' }), PROJECT_ROOT).recordDeployedTables();
    expect(JSON.parse(readFileSync(tablesLock, 'utf8'))).toEqual({
      acc: { exposuresTable: 'imported from s3://hashed-import/run-1/ (keys identifierHash/recordKey)' },
    });
  });

  it('refuses to replace the exposures table: dropping or changing the import source needs a confirmation', () => {
    const dir = tempDir();
    const tablesLock = join(dir, 'deployed-tables.json');
    const first = writeJson(dir, 'deploy.json', importFrom('run-1/'));
    readPortalSettings(contextOf({ deployConfig: first, tablesLock }), PROJECT_ROOT).recordDeployedTables();

    // The same source again (e.g. a later deploy to change the SES rate): fine.
    expect(() => readPortalSettings(contextOf({ deployConfig: first, tablesLock }), PROJECT_ROOT)).not.toThrow();
    // The source removed (S3 files cleaned up) or pointed elsewhere: refused, with the way out in the message.
    for (const next of [{}, importFrom('run-2/')]) {
      const deployConfig = writeJson(dir, 'next.json', next);
      expect(() => readPortalSettings(contextOf({ deployConfig, tablesLock }), PROJECT_ROOT)).toThrow(
        /would replace it with a new table.*-c confirmExposuresReplacement=prod/,
      );
      // Confirming another stage does not count.
      expect(() =>
        readPortalSettings(contextOf({ deployConfig, tablesLock, confirmExposuresReplacement: 'acc' }), PROJECT_ROOT),
      ).toThrow(InvalidDeployConfigError);
    }
    // Other stages keep their own record.
    const other = writeJson(dir, 'other.json', {});
    expect(() =>
      readPortalSettings(contextOf({ deployConfig: other, tablesLock, stage: 'acc' }), PROJECT_ROOT),
    ).not.toThrow();

    const confirmed = readPortalSettings(
      contextOf({ deployConfig: writeJson(dir, 'next.json', {}), tablesLock, confirmExposuresReplacement: 'prod' }),
      PROJECT_ROOT,
    );
    confirmed.recordDeployedTables();
    expect(JSON.parse(readFileSync(tablesLock, 'utf8')).prod.exposuresTable).toMatch(/^created empty/);
  });
});
