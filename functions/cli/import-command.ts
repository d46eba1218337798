import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { localTableNames } from '../../contract/tables';
import { loadBreachConfig } from '../config/load-breach-config';
import { PortalError } from '../core/errors';
import type { Pepper } from '../core/identifier-hash';
import { InvalidPepperError, pepperKeyFromStoredSecret } from '../core/pepper-secret';
import type { ImportCheckpoint } from '../import/import-checkpoint';
import { type ColumnMap, parseColumnMap } from '../import/import-columns';
import { ImportError } from '../import/import-errors';
import { createLineProgress, createTerminalProgress } from '../import/import-progress';
import { type ImportSink, runImport } from '../import/run-import';
import { LocalPepperError, loadOrCreateLocalPepper } from '../local/local-pepper';
import { emulatorConnection, sdkClient } from '../wiring/sdk-client';
import type { CliIo } from './cli-command';
import { UsageError } from './cli-errors';
import { reportImport } from './import-report';
import { openImportCheckpoint, openImportTable } from './import-table-target';
import { localDynamoEndpoint, noEmulatorHint } from './local-dynamo';

/*
 * `portal import`: the operator's one tool that reads the raw breach file (DESIGN §2.3: hashing happens here, before
 * anything leaves the machine). Targets:
 *   local     the local stack's DynamoDB emulator (127.0.0.1:$DYNAMODB_PORT) with the local pepper from $LOCAL_DIR
 *   aws       the deployed exposures table (--table) with the pepper from Secrets Manager (--pepper-secret-id)
 *   s3-files  gzip DynamoDB JSON in --out for ImportTable (docs/import.md), pepper from --pepper-file or
 *             --pepper-secret-id (use the deployed pepper, or the hashes will not match the deployed API)
 * Every pepper source goes through core/pepper-secret.ts, the function the Lambdas use: one format, one key.
 */

/** Options of `portal import` as program.ts parsed them (target one of three, workers and concurrency whole numbers). */
export interface ImportCommandOptions {
  input: string;
  map?: string;
  target: 'local' | 'aws' | 's3-files';
  out?: string;
  breach?: string;
  rejects?: string;
  pepperFile?: string;
  pepperSecretId?: string;
  table?: string;
  endpoint?: string;
  workers?: number;
  mergeExisting?: boolean;
  concurrency: number;
  checkpoint?: string;
  json?: boolean;
}

/** The combinations commander cannot check: each target's own required options. Before anything is read. */
function checkTargetOptions(values: ImportCommandOptions): void {
  if (values.target === 's3-files') {
    if (values.mergeExisting) throw new UsageError('--merge-existing applies to the local and aws targets');
    if (!values.out) throw new UsageError('--target s3-files needs --out DIR');
    if (!values.pepperFile && !values.pepperSecretId)
      throw new UsageError('--target s3-files needs --pepper-file FILE or --pepper-secret-id ID');
  } else if (values.target === 'aws') {
    if (!values.pepperSecretId || !values.table)
      throw new UsageError('--target aws needs --pepper-secret-id ID and --table NAME');
  }
}

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

export async function importCommand(values: ImportCommandOptions, io: CliIo): Promise<number> {
  checkTargetOptions(values);
  const { input, target, workers, concurrency } = values;
  const localEndpoint = localDynamoEndpoint(values.endpoint);
  // With --json, stdout carries the summary object only: every other line goes to stderr.
  const say = values.json ? io.err : io.out;
  const clients: { destroy(): void }[] = [];
  try {
    let tableName = '';
    const config = await loadBreachConfig();
    const columnMap = await readColumnMap(values.map);

    let pepper: Pepper;
    let sink: ImportSink;
    if (target === 's3-files') {
      if (values.pepperFile) pepper = await pepperFromFile(values.pepperFile);
      else pepper = await pepperFromSecretsManager(values.pepperSecretId as string);
      sink = { kind: 's3-files', outDir: resolve(values.out as string) };
    } else if (target === 'aws') {
      pepper = await pepperFromSecretsManager(values.pepperSecretId as string);
      // Region, credentials and endpoint (AWS_ENDPOINT_URL_DYNAMODB) come from the environment, as for the AWS CLI.
      tableName = values.table as string;
      const table = await openImportTable({}, tableName, concurrency);
      clients.push(table);
      sink = { kind: 'store', store: table.store, writer: table.writer, mergeExisting: values.mergeExisting };
    } else {
      pepper = await loadOrCreateLocalPepper(resolve(process.env.LOCAL_DIR || '.local')).catch((error: unknown) => {
        throw error instanceof LocalPepperError ? new ImportError('bad_pepper', error.message) : error;
      });
      tableName = values.table ?? localTableNames().exposures;
      const table = await openImportTable(emulatorConnection(localEndpoint), tableName, concurrency);
      clients.push(table);
      sink = { kind: 'store', store: table.store, writer: table.writer, mergeExisting: values.mergeExisting };
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
        say(
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
    await reportImport(values.json ? 'json' : 'text', io, {
      summary,
      target,
      table: tableName,
      breachId: values.breach ?? config.id,
      rejectsPath,
      outDir: values.out === undefined ? undefined : resolve(values.out),
    });
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      if (target === 'local' && error.code === 'table_unavailable' && clients.length === 0) {
        // Nothing answered the first request (DescribeTable): nothing was written, the local stack is not running.
        io.err(`Import failed (${error.code}): ${noEmulatorHint(localEndpoint)}`);
        return 1;
      }
      io.err(`Import failed (${error.code}): ${error.message}`);
      if (error.code.startsWith('table_') && clients.length > 0 && !error.message.includes('resume')) {
        io.err('Items written so far stay and the checkpoint records them: re-run the same command to resume.');
      }
      return 1;
    }
    if (error instanceof PortalError) {
      // E.g. the store is unreachable. What was written stays; re-running the same file is idempotent.
      io.err(`Import failed (${error.code}): ${error.message} Items written so far stay; re-run to complete.`);
      if (target === 'local' && error.code === 'service_unavailable') io.err(noEmulatorHint(localEndpoint));
      return 1;
    }
    throw error;
  } finally {
    for (const client of clients) client.destroy();
  }
}
