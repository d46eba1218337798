import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { TABLE_DEFINITIONS } from '../contract/tables';
import type { S3ImportSource } from './portal-settings';

/*
 * The deploy configuration file (issue 15): what the operator decides about the exposures table, committed beside the
 * breach config — never in `-c` flags, which no later `cdk deploy` remembers. ImportTable only works when a table is
 * created, so a deploy that drops or changes the import source *replaces* the table: the portal would then answer
 * "no record" to everyone and leave the hashes in an orphaned table. Two guards:
 *   1. the import source is read from this file only (`-c importBucket` is refused with a pointer here);
 *   2. the tables lock (config/deployed-tables.json, also committed) records per stage what the exposures table was
 *      created from; synth refuses a different origin unless `-c confirmExposuresReplacement=<stage>` is given.
 *      `cdk synth`/`deploy` writes it whenever the deploy configuration file exists (create it, even as `{}`, before
 *      the first deploy); a checkout without one — development, CI, the tests — records nothing.
 *
 *   {
 *     "exposuresTable": {
 *       "importSource": { "bucket": "odido-portal-import-123456789012", "keyPrefix": "exposures/" },
 *       "warmWritesPerSecond": 40000
 *     }
 *   }
 */

export interface DeployConfig {
  /** False when the file does not exist: then nothing is recorded in the tables lock (a checkout, a test). */
  exists: boolean;
  exposuresImportSource?: S3ImportSource;
  /** Warm throughput of the exposures table (writes/s it absorbs at once); default: on-demand's 4 000. */
  exposuresWarmWritesPerSecond?: number;
}

/** An on-demand table starts at 4 000 writes/s; 40 000 is the default per-table quota. */
export const WARM_WRITES_RANGE = { min: 4_000, max: 40_000 } as const;

export class InvalidDeployConfigError extends Error {
  constructor(path: string, message: string) {
    super(`Invalid deploy configuration ${path}: ${message}`);
    this.name = 'InvalidDeployConfigError';
  }
}

export function readDeployConfig(path: string): DeployConfig {
  if (!existsSync(path)) return { exists: false };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new InvalidDeployConfigError(path, 'not valid JSON');
  }
  const fail = (message: string): never => {
    throw new InvalidDeployConfigError(path, message);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected a JSON object');
  const { exposuresTable, ...unknownTop } = json as { exposuresTable?: unknown };
  if (Object.keys(unknownTop).length > 0) fail(`unknown key "${Object.keys(unknownTop)[0]}"`);
  if (exposuresTable === undefined) return { exists: true };
  if (typeof exposuresTable !== 'object' || exposuresTable === null) fail('"exposuresTable" must be an object');
  const { importSource, warmWritesPerSecond, ...unknown } = exposuresTable as Record<string, unknown>;
  if (Object.keys(unknown).length > 0) fail(`unknown key "exposuresTable.${Object.keys(unknown)[0]}"`);
  const config: DeployConfig = { exists: true };
  if (importSource !== undefined) {
    const { bucket, keyPrefix = '' } = (importSource ?? {}) as { bucket?: unknown; keyPrefix?: unknown };
    if (typeof bucket !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      fail('"exposuresTable.importSource.bucket" must be an S3 bucket name');
    }
    if (typeof keyPrefix !== 'string') fail('"exposuresTable.importSource.keyPrefix" must be a string');
    config.exposuresImportSource = { bucketName: bucket as string, keyPrefix: keyPrefix as string };
  }
  if (warmWritesPerSecond !== undefined) {
    const value = warmWritesPerSecond as number;
    if (!Number.isInteger(value) || value < WARM_WRITES_RANGE.min || value > WARM_WRITES_RANGE.max) {
      fail(
        `"exposuresTable.warmWritesPerSecond" must be an integer from ${WARM_WRITES_RANGE.min} to ${WARM_WRITES_RANGE.max}`,
      );
    }
    config.exposuresWarmWritesPerSecond = value;
  }
  return config;
}

/** What the exposures table is created from: any change of this replaces the table. */
export function exposuresTableOrigin(importSource: S3ImportSource | undefined): string {
  const exposures = TABLE_DEFINITIONS.find((definition) => definition.key === 'exposures');
  const keys = `keys ${exposures?.partitionKey.name}/${exposures?.sortKey?.name}`;
  return importSource
    ? `imported from s3://${importSource.bucketName}/${importSource.keyPrefix} (${keys})`
    : `created empty (${keys})`;
}

type TablesLock = Record<string, { exposuresTable: string }>;

function readLock(path: string): TablesLock {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as TablesLock;
  } catch {
    throw new InvalidDeployConfigError(path, 'the tables lock is not valid JSON (restore it from git)');
  }
}

/**
 * Refuses a synth that would replace the stage's exposures table, unless confirmed. Returns the lock entry to record
 * (the CDK app writes it; tests only check).
 */
export function guardExposuresReplacement(
  lockPath: string,
  stage: string,
  origin: string,
  confirmedStage: string | undefined,
): { record: () => void } {
  const lock = readLock(lockPath);
  const recorded = lock[stage]?.exposuresTable;
  if (recorded !== undefined && recorded !== origin && confirmedStage !== stage) {
    throw new InvalidDeployConfigError(
      lockPath,
      `the exposures table of stage "${stage}" was ${recorded}; the deploy configuration now says ${origin}. ` +
        'Deploying would replace it with a new table — every customer would get "no record" until it is loaded again — ' +
        'and orphan the old one with its hashes. Restore the previous importSource, or, if the replacement is intended, ' +
        `synth and deploy with -c confirmExposuresReplacement=${stage} (then delete the orphaned table: portal close lists it).`,
    );
  }
  return {
    record: () => {
      if (recorded === origin) return;
      writeFileSync(lockPath, `${JSON.stringify({ ...lock, [stage]: { exposuresTable: origin } }, null, 2)}\n`);
    },
  };
}
