import { stat } from 'node:fs/promises';
import type { ExposureStore } from '../core/ports';
import { type CheckpointIdentity, ImportCheckpoint, pepperFingerprint } from '../import/import-checkpoint';
import { ImportError } from '../import/import-errors';
import type { RecordWriter } from '../import/run-import';
import { BULK_CLIENT_SETTINGS, type ClientConnection, sdkClient } from '../wiring/sdk-client';

/*
 * The `local` and `aws` targets of `portal import`: one DynamoDB client, checked against the exposures key schema
 * before anything is hashed or written (issue 15, "Bad input": a table with another key schema stops the import with
 * one line), the concurrent table writer and the store (only read for --merge-existing).
 * The SDK is loaded here, lazily: an s3-files import never needs it (it is ~40 MB of the 256 MB budget).
 */

export interface ImportTable {
  store: ExposureStore;
  writer: RecordWriter;
  destroy(): void;
}

export async function openImportTable(
  connection: ClientConnection,
  tableName: string,
  concurrency: number,
): Promise<ImportTable> {
  const { DescribeTableCommand, DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
  const { DynamoDbExposureStore } = await import('../adapters/dynamodb/dynamodb-exposure-store');
  const { TABLE_DEFINITIONS } = await import('../../contract/tables');
  const { TableWriter, toImportError } = await import('../import/table-writer');
  // A stalled connection must not hang the import; the table writer retries what times out, with backoff.
  const client = sdkClient(DynamoDBClient, connection, BULK_CLIENT_SETTINGS);
  try {
    let keySchema: { AttributeName?: string; KeyType?: string }[];
    try {
      const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
      keySchema = described.Table?.KeySchema ?? [];
    } catch (error) {
      throw toImportError(error, tableName);
    }
    const exposures = TABLE_DEFINITIONS.find((definition) => definition.key === 'exposures');
    const expected = [`${exposures?.partitionKey.name} HASH`, `${exposures?.sortKey?.name} RANGE`];
    const actual = keySchema.map((key) => `${key.AttributeName} ${key.KeyType}`);
    if (actual.join(',') !== expected.join(',')) {
      throw new ImportError(
        'table_key_schema',
        `The table ${tableName} has the keys (${actual.join(', ')}), not those of the exposures table (${expected.join(', ')}): check --table.`,
      );
    }
  } catch (error) {
    client.destroy();
    throw error;
  }
  return {
    store: new DynamoDbExposureStore(DynamoDBDocumentClient.from(client), tableName),
    writer: new TableWriter(client, tableName, { concurrency }),
    destroy: () => client.destroy(),
  };
}

/** The checkpoint of this exact import: same input file, target, table, breach, column map and pepper. */
export async function openImportCheckpoint(
  path: string,
  identity: Omit<CheckpointIdentity, 'inputBytes' | 'inputModifiedMs' | 'pepperFingerprint'> & { pepper: Uint8Array },
): Promise<ImportCheckpoint> {
  let inputBytes = -1;
  let inputModifiedMs = -1;
  try {
    const info = await stat(identity.input);
    inputBytes = info.size;
    inputModifiedMs = Math.round(info.mtimeMs);
  } catch {
    // runImport reports the unreadable input with its own message.
  }
  const { pepper, ...rest } = identity;
  return ImportCheckpoint.open(path, {
    ...rest,
    inputBytes,
    inputModifiedMs,
    pepperFingerprint: pepperFingerprint(pepper),
  });
}
