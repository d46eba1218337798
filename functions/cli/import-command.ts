import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localTableNames } from '../../contract/tables';
import { loadBreachConfig } from '../config/load-breach-config';
import { PortalError } from '../core/errors';
import type { Pepper } from '../core/identifier-hash';
import { InvalidPepperError, pepperKeyFromStoredSecret } from '../core/pepper-secret';
import type { ImportCheckpoint } from '../import/import-checkpoint';
import { type ColumnMap, parseColumnMap } from '../import/import-columns';
import { ImportError } from '../import/import-errors';
import { createLineProgress, createTerminalProgress, formatSummary } from '../import/import-progress';
import { type ImportSink, runImport } from '../import/run-import';
import { LocalPepperError, loadOrCreateLocalPepper } from '../local/local-pepper';
import { sdkClient } from '../wiring/sdk-client';
import type { CliCommand } from './cli-command';
import { openImportCheckpoint, openImportTable } from './import-table-target';

/*
 * `portal import`: the operator's one tool that reads the raw breach file (DESIGN §2.3: hashing happens here, before
 * anything leaves the machine). Targets:
 *   local     the local stack's DynamoDB emulator (127.0.0.1:$DYNAMODB_PORT) with the local pepper from $LOCAL_DIR
 *   aws       the deployed exposures table (--table) with the pepper from Secrets Manager (--pepper-secret-id)
 *   s3-files  gzip DynamoDB JSON in --out for ImportTable (docs/import.md), pepper from --pepper-file or
 *             --pepper-secret-id (use the deployed pepper, or the hashes will not match the deployed API)
 * Every pepper source goes through core/pepper-secret.ts, the function the Lambdas use: one format, one key.
 */

const USAGE = `Usage: portal import --input FILE [--map map.json] [--target local|aws|s3-files] [--out DIR] [--breach ID]
  [--rejects FILE] [--pepper-file FILE] [--pepper-secret-id ID] [--table NAME] [--endpoint URL] [--workers N]
  [--merge-existing]   (local/aws: add a further file of the same breach, merging each subject's fields)
  [--concurrency N]    (local/aws: BatchWriteItem requests in flight, default 16)
  [--checkpoint FILE]  (local/aws: where progress is kept to resume, default import-checkpoint.json beside rejects)`;

const OPTIONS = {
  input: { type: 'string' },
  map: { type: 'string' },
  target: { type: 'string', default: 'local' },
  out: { type: 'string' },
  breach: { type: 'string' },
  rejects: { type: 'string' },
  'pepper-file': { type: 'string' },
  'pepper-secret-id': { type: 'string' },
  table: { type: 'string' },
  endpoint: { type: 'string' },
  workers: { type: 'string' },
  'merge-existing': { type: 'boolean' },
  concurrency: { type: 'string' },
  checkpoint: { type: 'string' },
} as const;

class UsageError extends Error {}

/** A pepper file holds the pepper text itself (docs/deploy.md#the-pepper-format), never raw bytes or base64. */
async function pepperFromFile(path: string): Promise<Pepper> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ImportError('bad_pepper', `Cannot read the pepper file ${path}: ${(error as Error).message}`);
  }
  return pepperFromText(text, `the pepper file ${path}`);
}

function pepperFromText(text: string, source: string): Pepper {
  try {
    return pepperKeyFromStoredSecret(text);
  } catch (error) {
    if (error instanceof InvalidPepperError) throw new ImportError('bad_pepper', `In ${source}: ${error.message}`);
    throw error;
  }
}

/*
 * The AWS SDK is loaded only for the targets that use it: an s3-files import with a pepper file never needs it, and
 * it is ~40 MB of the memory budget (issue 3: ≤ 256 MB). Same client settings as the Lambdas: bounded timeouts.
 */
async function pepperFromSecretsManager(secretId: string): Promise<Pepper> {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const client = sdkClient(SecretsManagerClient);
  try {
    const secret = await client.send(new GetSecretValueCommand({ SecretId: secretId })).catch((error: unknown) => {
      const name = (error as { name?: string }).name ?? 'Error';
      throw new ImportError(
        'bad_pepper',
        name === 'ResourceNotFoundException'
          ? `The secret ${secretId} does not exist: pass the stack's PepperSecretArn output as --pepper-secret-id.`
          : `Cannot read the secret ${secretId} (${name}): check the region and secretsmanager:GetSecretValue on it.`,
      );
    });
    if (secret.SecretString === undefined)
      throw new ImportError('bad_pepper', `The secret ${secretId} has no SecretString: the portal's pepper is text.`);
    return pepperFromText(secret.SecretString, `the secret ${secretId}`);
  } finally {
    client.destroy();
  }
}

async function readColumnMap(path: string | undefined): Promise<ColumnMap | undefined> {
  if (!path) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new ImportError('bad_column_map', `Cannot read the column map ${path} as JSON.`);
  }
  return parseColumnMap(json);
}

export const importCommand: CliCommand = async (args, io) => {
  let values: { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const clients: { destroy(): void }[] = [];
  try {
    const { input, target } = values;
    if (!input) throw new UsageError('--input is required');
    if (target !== 'local' && target !== 'aws' && target !== 's3-files')
      throw new UsageError('--target must be local, aws or s3-files');
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && !(Number.isSafeInteger(workers) && workers > 0))
      throw new UsageError('--workers must be a positive integer');
    const concurrency = Number(values.concurrency ?? 16);
    if (!(Number.isSafeInteger(concurrency) && concurrency > 0 && concurrency <= 256))
      throw new UsageError('--concurrency must be an integer from 1 to 256');
    let tableName = '';
    const config = await loadBreachConfig();
    const columnMap = await readColumnMap(values.map);

    let pepper: Pepper;
    let sink: ImportSink;
    if (target === 's3-files') {
      if (values['merge-existing']) throw new UsageError('--merge-existing applies to the local and aws targets');
      if (!values.out) throw new UsageError('--target s3-files needs --out DIR');
      if (values['pepper-file']) pepper = await pepperFromFile(values['pepper-file']);
      else if (values['pepper-secret-id']) pepper = await pepperFromSecretsManager(values['pepper-secret-id']);
      else throw new UsageError('--target s3-files needs --pepper-file FILE or --pepper-secret-id ID');
      sink = { kind: 's3-files', outDir: resolve(values.out) };
    } else if (target === 'aws') {
      if (!values['pepper-secret-id'] || !values.table)
        throw new UsageError('--target aws needs --pepper-secret-id ID and --table NAME');
      pepper = await pepperFromSecretsManager(values['pepper-secret-id']);
      // Region, credentials and endpoint (AWS_ENDPOINT_URL_DYNAMODB) come from the environment, as for the AWS CLI.
      tableName = values.table;
      const table = await openImportTable({}, tableName, concurrency);
      clients.push(table);
      sink = { kind: 'store', store: table.store, writer: table.writer, mergeExisting: values['merge-existing'] };
    } else {
      pepper = await loadOrCreateLocalPepper(resolve(process.env.LOCAL_DIR || '.local')).catch((error: unknown) => {
        throw error instanceof LocalPepperError ? new ImportError('bad_pepper', error.message) : error;
      });
      const endpoint = values.endpoint ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT || 8000}`;
      // The emulator checks no credentials; fixed dummy ones keep the SDK from looking for real ones.
      const emulator = {
        endpoint,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      };
      tableName = values.table ?? localTableNames().exposures;
      const table = await openImportTable(emulator, tableName, concurrency);
      clients.push(table);
      sink = { kind: 'store', store: table.store, writer: table.writer, mergeExisting: values['merge-existing'] };
    }

    const rejectsPath = resolve(
      values.rejects ?? (values.out ? join(values.out, 'rejects.csv') : 'import-rejects.csv'),
    );
    let checkpoint: ImportCheckpoint | undefined;
    if (sink.kind === 'store') {
      checkpoint = await openImportCheckpoint(
        resolve(values.checkpoint ?? join(dirname(rejectsPath), 'import-checkpoint.json')),
        {
          input: resolve(input),
          target: target === 'local' ? `local ${values.endpoint ?? process.env.DYNAMODB_PORT ?? ''}` : target,
          table: tableName,
          breachId: values.breach ?? config.id,
          columnMap: JSON.stringify(columnMap ?? null),
          pepper,
        },
      );
      const resumeFrom = checkpoint.resumeFrom;
      if (resumeFrom) {
        io.out(
          `Resuming the import at line ${resumeFrom.nextLine}: ${resumeFrom.rows} rows were written before it stopped (checkpoint ${checkpoint.path}).`,
        );
      }
    }
    const write = (text: string) => process.stderr.write(text);
    const progress = process.stderr.isTTY ? createTerminalProgress(write) : createLineProgress(write);
    const summary = await runImport({
      checkpoint,
      inputPath: resolve(input),
      columnMap,
      pepper,
      breachId: values.breach ?? config.id,
      customerNumberPattern: config.customerNumberPattern,
      defaultPhoneRegion: config.defaultPhoneRegion,
      sink,
      rejectsPath,
      workers,
      onProgress: progress.update,
    });
    progress.clear();
    pepper.fill(0);
    io.out(`Import complete: ${formatSummary(summary)}`);
    if (sink.kind === 'store') {
      // What `portal verify` compares the table with: counts and a sample of item keys (hashes only).
      const manifestPath = join(dirname(rejectsPath), 'import-manifest.json');
      const manifest = {
        table: tableName,
        breachId: values.breach ?? config.id,
        completedAt: new Date().toISOString(),
        rows: summary.rows,
        items: summary.identifiers,
        subjects: summary.subjects,
        rejects: summary.rejects,
        sample: summary.sample ?? [],
      };
      await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      io.out(
        `Manifest: ${manifestPath} (check the table with \`portal verify --manifest ${manifestPath} --table ${tableName}\`)`,
      );
    }
    io.out(
      `Rejects: ${rejectsPath}${summary.manifest ? `\nFiles: ${join(values.out ?? '', 'data')} (manifest.json lists ${summary.manifest.files.length})` : ''}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE}`);
      return 1;
    }
    if (error instanceof ImportError) {
      io.err(`Import failed (${error.code}): ${error.message}`);
      if (error.code.startsWith('table_') && clients.length > 0 && !error.message.includes('resume')) {
        io.err('Items written so far stay and the checkpoint records them: re-run the same command to resume.');
      }
      return 1;
    }
    if (error instanceof PortalError) {
      // E.g. the store is unreachable. What was written stays; re-running the same file is idempotent.
      io.err(`Import failed (${error.code}): ${error.message} Items written so far stay; re-run to complete.`);
      return 1;
    }
    throw error;
  } finally {
    for (const client of clients) client.destroy();
  }
};
