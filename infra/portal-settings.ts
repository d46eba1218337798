import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { type BreachConfig, parseBreachConfig } from '../functions/core/breach-config';
import { InvalidConfigError } from '../functions/core/errors';
import { exposuresTableOrigin, guardExposuresReplacement, readDeployConfig } from './deploy-config';

/*
 * Everything the operator chooses at synth time, read from CDK context (`-c key=value` or cdk.json) and validated
 * once, so a typo fails `cdk synth` with one clear message instead of a half-built stack. The breach config is the
 * same file the local stack uses (config/breach.json by default).
 */

export interface S3ImportSource {
  /** Bucket holding the output of `portal import --target s3-files` (gzip DynamoDB JSON). */
  bucketName: string;
  keyPrefix: string;
}

export interface PortalSettings {
  /** Absolute path of the validated breach config; it is bundled into every Lambda. */
  breachConfigPath: string;
  breachConfig: BreachConfig;
  /** Short lower-case name (prod, acc, test …): part of stack names and resource names. */
  stage: string;
  /** Region of the portal (data stays there); the WAF and the CloudFront certificate live in us-east-1. */
  region: string;
  /**
   * Custom domain of the site, e.g. datalek.example.nl (`-c siteDomain` or the breach config's `siteDomain`).
   * Absent only with `-c allowDefaultDomain=true`: the site then runs on *.cloudfront.net, a test stack.
   */
  siteDomain?: string;
  /** ACM certificate (us-east-1) for siteDomain; absent with siteDomain set → the edge stack requests one. */
  siteCertificateArn?: string;
  /** Cognito hosted UI domain prefix (globally unique per region). */
  staffAuthDomainPrefix: string;
  /** Receives alarm notifications (no personal data is ever in an alarm). */
  alarmEmail?: string;
  /** Create the exposures table from an S3 import instead of empty (from the deploy config file only). */
  exposuresImportSource?: S3ImportSource;
  /** Warm throughput of the exposures table for import day (deploy config file). */
  exposuresWarmWritesPerSecond?: number;
  /** Records in the tables lock what the exposures table is created from (infra/app.ts calls it; tests do not). */
  recordDeployedTables: () => void;
  /** Directory with the built site (npm run build); deployed to the bucket when it exists. */
  siteAssetPath: string;
  /** Messages per second the SES account may send: the sender's concurrency is sized below it. */
  sesSendRatePerSecond: number;
  /** For tests: replaces every handler entry (the real handlers are bundled otherwise). */
  handlerEntryOverride?: string;
}

/** Reads a context value; the CDK CLI passes `-c key=value` as strings, cdk.json may hold any JSON. */
export type ContextReader = (key: string) => unknown;

const STAGE_PATTERN = /^[a-z][a-z0-9]{1,11}$/;
const DOMAIN_PATTERN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function readPortalSettings(context: ContextReader, projectRoot: string): PortalSettings {
  const configPath = resolvePath(projectRoot, optionalString(context, 'config') ?? 'config/breach.json');
  const breachConfig = readBreachConfig(configPath);
  const stage = optionalString(context, 'stage') ?? 'prod';
  if (!STAGE_PATTERN.test(stage)) fail('stage', 'expected 2–12 lower-case letters or digits, starting with a letter');
  const region = optionalString(context, 'region') ?? 'eu-west-1';
  if (!REGION_PATTERN.test(region)) fail('region', 'expected an AWS region such as eu-west-1');
  const siteDomain = readSiteDomain(context, breachConfig);
  const siteCertificateArn = optionalString(context, 'siteCertificateArn');
  if (siteCertificateArn !== undefined && !siteCertificateArn.startsWith('arn:aws:acm:us-east-1:')) {
    fail('siteCertificateArn', 'CloudFront needs an ACM certificate in us-east-1');
  }
  if (siteCertificateArn !== undefined && siteDomain === undefined) fail('siteCertificateArn', 'needs siteDomain');
  const alarmEmail = optionalString(context, 'alarmEmail');
  if (alarmEmail !== undefined && !EMAIL_PATTERN.test(alarmEmail)) fail('alarmEmail', 'expected an email address');
  const staffAuthDomainPrefix = optionalString(context, 'staffAuthDomainPrefix') ?? `${breachConfig.id}-${stage}-staff`;
  if (
    !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(staffAuthDomainPrefix) ||
    /aws|amazon|cognito/.test(staffAuthDomainPrefix)
  ) {
    fail('staffAuthDomainPrefix', 'expected lower-case letters, digits and dashes, without aws/amazon/cognito');
  }
  for (const key of ['importBucket', 'importPrefix']) {
    if (optionalString(context, key) !== undefined) {
      fail(
        key,
        'the import source is set in the deploy configuration file (exposuresTable.importSource in config/deploy.json, see docs/import.md), so that every later deploy keeps it',
      );
    }
  }
  const deployConfig = readDeployConfig(
    resolvePath(projectRoot, optionalString(context, 'deployConfig') ?? 'config/deploy.json'),
  );
  const tablesLock = guardExposuresReplacement(
    resolvePath(projectRoot, optionalString(context, 'tablesLock') ?? 'config/deployed-tables.json'),
    stage,
    exposuresTableOrigin(deployConfig.exposuresImportSource),
    optionalString(context, 'confirmExposuresReplacement'),
  );
  const sesSendRatePerSecond = Number(context('sesSendRate') ?? 14);
  if (!Number.isInteger(sesSendRatePerSecond) || sesSendRatePerSecond < 1)
    fail('sesSendRate', 'expected a positive integer');
  return {
    breachConfigPath: configPath,
    breachConfig,
    stage,
    region,
    siteDomain,
    siteCertificateArn,
    staffAuthDomainPrefix,
    alarmEmail,
    exposuresImportSource: deployConfig.exposuresImportSource,
    exposuresWarmWritesPerSecond: deployConfig.exposuresWarmWritesPerSecond,
    recordDeployedTables: deployConfig.exists ? tablesLock.record : () => {},
    siteAssetPath: resolvePath(projectRoot, optionalString(context, 'siteAssetPath') ?? 'site/dist'),
    sesSendRatePerSecond,
    handlerEntryOverride: optionalString(context, 'handlerEntryOverride'),
  };
}

/**
 * The mails tell a doubting customer "type this domain yourself" and the site names the portal's address: on
 * *.cloudfront.net, a host anyone can get, neither means anything, so a deploy needs a custom domain. A test stack
 * says so explicitly with `-c allowDefaultDomain=true`. The domain comes from `-c siteDomain` or the breach config;
 * both may be given only when they agree, or the mails would name one address and the site another.
 */
function readSiteDomain(context: ContextReader, config: BreachConfig): string | undefined {
  const fromContext = optionalString(context, 'siteDomain');
  if (fromContext !== undefined && !DOMAIN_PATTERN.test(fromContext))
    fail('siteDomain', 'expected a lower-case domain');
  if (fromContext !== undefined && config.siteDomain !== undefined && fromContext !== config.siteDomain) {
    fail('siteDomain', `the breach config names ${config.siteDomain}; give one domain, in one place`);
  }
  const siteDomain = fromContext ?? config.siteDomain;
  const allowDefaultDomain = optionalBoolean(context, 'allowDefaultDomain');
  if (siteDomain === undefined && !allowDefaultDomain) {
    fail(
      'siteDomain',
      'a deploy needs the portal\'s own domain (set "siteDomain" in the breach config or -c siteDomain=datalek.example.nl); ' +
        'for a test stack on *.cloudfront.net pass -c allowDefaultDomain=true',
    );
  }
  return siteDomain;
}

/** The domain the confirmation mails are sent from (SES identity with DKIM). */
export function senderDomainOf(config: BreachConfig): string {
  return config.sender.address.split('@')[1] ?? '';
}

function readBreachConfig(path: string): BreachConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidConfigError('(file)', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    return parseBreachConfig(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new InvalidConfigError('(file)', `${path} is not valid JSON`);
    throw error;
  }
}

function optionalString(context: ContextReader, key: string): string | undefined {
  const value = context(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') fail(key, 'expected a string');
  return value;
}

/** `-c key=true|false` arrives as a string, cdk.json may hold a boolean. */
function optionalBoolean(context: ContextReader, key: string): boolean {
  const value = context(key);
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  fail(key, 'expected true or false');
}

function resolvePath(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

/** A bad `-c key=value` (or cdk.json context) value; the breach config's own errors are InvalidConfigError. */
export class InvalidContextError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`Invalid CDK context "${key}" (-c ${key}=…): ${message}`);
    this.name = 'InvalidContextError';
  }
}

function fail(key: string, message: string): never {
  throw new InvalidContextError(key, message);
}
