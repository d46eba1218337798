import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidConfigError } from '../../functions/core/errors';
import { readPortalSettings } from '../../infra/portal-settings';
import { PROJECT_ROOT } from './synth-portal';

/* Synth-time settings: a bad breach config or context value stops `cdk synth` with one error naming the key. */

/** A test stack's context: the shipped demo config names no site domain, so the CloudFront default is allowed. */
const contextOf =
  (values: Record<string, unknown>) =>
  (key: string): unknown =>
    ({ allowDefaultDomain: 'true', ...values })[key];

function writeConfig(mutate: (config: Record<string, unknown>) => void): string {
  const config = require('../../config/breach.json') as Record<string, unknown>;
  const copy = structuredClone(config);
  mutate(copy);
  const path = join(mkdtempSync(join(tmpdir(), 'portal-settings-')), 'breach.json');
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

describe('readPortalSettings', () => {
  it('defaults to the shipped breach config, stage prod and eu-west-1', () => {
    const settings = readPortalSettings(contextOf({}), PROJECT_ROOT);
    expect(settings.breachConfig.id).toBe('odido-2026-02');
    expect(settings.stage).toBe('prod');
    expect(settings.region).toBe('eu-west-1');
    expect(settings.staffAuthDomainPrefix).toBe('odido-2026-02-prod-staff');
    expect(settings.exposuresImportSource).toBeUndefined();
  });

  it('names the bad key of an invalid breach config', () => {
    const path = writeConfig((config) => {
      config.closingDate = 'next year';
    });
    expect(() => readPortalSettings(contextOf({ config: path }), PROJECT_ROOT)).toThrow(InvalidConfigError);
    expect(() => readPortalSettings(contextOf({ config: path }), PROJECT_ROOT)).toThrow(/"closingDate".*YYYY-MM-DD/);
  });

  it('names an unknown key in the breach config', () => {
    const path = writeConfig((config) => {
      config.colour = 'blue';
    });
    expect(() => readPortalSettings(contextOf({ config: path }), PROJECT_ROOT)).toThrow(/"colour"/);
  });

  it('rejects a missing config file, a bad stage and a certificate outside us-east-1', () => {
    expect(() => readPortalSettings(contextOf({ config: '/nonexistent/breach.json' }), PROJECT_ROOT)).toThrow(/ENOENT/);
    expect(() => readPortalSettings(contextOf({ stage: 'Prod!' }), PROJECT_ROOT)).toThrow(/CDK context "stage"/);
    expect(() =>
      readPortalSettings(
        contextOf({ siteDomain: 'datalek.example.nl', siteCertificateArn: 'arn:aws:acm:eu-west-1:1:certificate/x' }),
        PROJECT_ROOT,
      ),
    ).toThrow(/us-east-1/);
  });

  it('reads the S3 import source for the exposures table from the deploy configuration file', () => {
    const settings = readPortalSettings(
      contextOf({ deployConfig: 'test/infra/fixtures/deploy-import.json' }),
      PROJECT_ROOT,
    );
    expect(settings.exposuresImportSource).toEqual({ bucketName: 'hashed-import', keyPrefix: 'odido/' });
    expect(settings.exposuresWarmWritesPerSecond).toBe(40_000);
  });

  it('refuses a deploy without a custom domain unless the default domain is allowed explicitly', () => {
    const production = (values: Record<string, unknown>) => (key: string) => values[key];
    expect(() => readPortalSettings(production({}), PROJECT_ROOT)).toThrow(
      /CDK context "siteDomain".*needs the portal's own domain.*-c allowDefaultDomain=true/,
    );
    expect(() => readPortalSettings(production({ allowDefaultDomain: 'false' }), PROJECT_ROOT)).toThrow(/siteDomain/);
    expect(() => readPortalSettings(production({ allowDefaultDomain: 'yes' }), PROJECT_ROOT)).toThrow(
      /"allowDefaultDomain".*true or false/,
    );
    expect(readPortalSettings(production({ allowDefaultDomain: 'true' }), PROJECT_ROOT).siteDomain).toBeUndefined();
    expect(readPortalSettings(production({ siteDomain: 'datalek.example.nl' }), PROJECT_ROOT).siteDomain).toBe(
      'datalek.example.nl',
    );
  });

  it('takes the site domain from the breach config, and refuses a different -c siteDomain', () => {
    const path = writeConfig((config) => {
      config.siteDomain = 'datalek.example.nl';
    });
    const production = (values: Record<string, unknown>) => (key: string) => ({ config: path, ...values })[key];
    expect(readPortalSettings(production({}), PROJECT_ROOT).siteDomain).toBe('datalek.example.nl');
    expect(readPortalSettings(production({ siteDomain: 'datalek.example.nl' }), PROJECT_ROOT).siteDomain).toBe(
      'datalek.example.nl',
    );
    expect(() => readPortalSettings(production({ siteDomain: 'other.example.nl' }), PROJECT_ROOT)).toThrow(
      /breach config names datalek\.example\.nl/,
    );
  });
});
