import { mkdir } from 'node:fs/promises';
import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { TABLE_DEFINITIONS, type TableDefinition, type TableNames } from '../../../contract/tables';
import { emulatorConnection, sdkClient } from '../../wiring/sdk-client';
import { closeServer, listenOrExplain } from './emulator-listen';

/*
 * The local DynamoDB: dynalite, in this process (pure JavaScript, starts in milliseconds, no Java). It serves
 * `npm start` (persisted under LOCAL_DIR) and the integration tests (in memory, on a free port). See
 * docs/decisions/0001-local-emulators.md for why, and for what it lacks (transactions, UpdateTimeToLive).
 */

export const DEFAULT_DYNAMODB_PORT = 8000;
const SERVICE = 'DynamoDB emulator (dynalite)';

export interface DynamoDbEmulatorOptions {
  /** 0 picks a free port. Default 8000. */
  port?: number;
  /** Default 127.0.0.1: the emulator has no authentication, so it never listens beyond this machine. */
  host?: string;
  /** Directory for its LevelDB files; omitted = in memory, gone at stop(). */
  path?: string;
  /** How long a new table stays CREATING (dynalite's default is 500 ms; 0 for tests). */
  createTableMs?: number;
}

export interface RunningDynamoDbEmulator {
  endpoint: string;
  host: string;
  port: number;
  stop(): Promise<void>;
}

export async function startDynamoDbEmulator(options: DynamoDbEmulatorOptions = {}): Promise<RunningDynamoDbEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (options.path) await mkdir(options.path, { recursive: true });
  const server = dynalite({
    path: options.path,
    createTableMs: options.createTableMs ?? 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const port = await listenOrExplain(server, SERVICE, host, options.port ?? DEFAULT_DYNAMODB_PORT);
  return { endpoint: `http://${host}:${port}`, host, port, stop: () => closeServer(server) };
}

/** SDK clients for an emulator: fixed dummy credentials and region, since the emulator checks neither. */
export function createEmulatorClients(endpoint: string) {
  const client = sdkClient(DynamoDBClient, emulatorConnection(endpoint));
  const documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { client, documentClient };
}

/** The CreateTable request for one definition (on-demand, every GSI projecting all attributes). */
export function createTableInput(definition: TableDefinition, tableName: string): CreateTableCommandInput {
  const attributes = new Map<string, AttributeDefinition>();
  const keys = [definition.partitionKey, definition.sortKey];
  for (const index of definition.globalSecondaryIndexes ?? []) keys.push(index.partitionKey, index.sortKey);
  for (const key of keys) if (key) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  const keySchema = (partition: { name: string }, sort?: { name: string }) => [
    { AttributeName: partition.name, KeyType: 'HASH' as const },
    ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes.values()],
    KeySchema: keySchema(definition.partitionKey, definition.sortKey),
    ...(definition.globalSecondaryIndexes?.length
      ? {
          GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
  };
}

/**
 * Creates every table of TABLE_DEFINITIONS under `names` unless it exists, then waits until all are ACTIVE.
 * Safe to call on every start: an existing table (ResourceInUseException) is left as it is.
 * TTL is not switched on: dynalite rejects UpdateTimeToLive, and reads check expiry themselves anyway.
 */
export async function ensureTables(
  client: Pick<DynamoDBClient, 'send'>,
  names: TableNames,
  { timeoutMs = 15_000 }: { timeoutMs?: number } = {},
): Promise<void> {
  for (const definition of TABLE_DEFINITIONS) {
    try {
      await client.send(new CreateTableCommand(createTableInput(definition, names[definition.key])));
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
    }
  }
  const deadline = Date.now() + timeoutMs;
  for (const definition of TABLE_DEFINITIONS) {
    const tableName = names[definition.key];
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
      if (Table?.TableStatus === 'ACTIVE' && indexesActive) break;
      if (Date.now() > deadline) throw new Error(`Table ${tableName} was not ACTIVE within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
