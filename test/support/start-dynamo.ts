import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localTableNames, type TableNames } from '../../contract/tables';
import { createDynamoDbStores, type DynamoDbStores } from '../../functions/adapters/dynamodb/dynamodb-stores';
import { type Clock, systemClock } from '../../functions/core/ports';
import {
  createEmulatorClients,
  ensureTables,
  startDynamoDbEmulator,
} from '../../functions/local/emulators/dynamodb-emulator';

/*
 * Integration-test helper: a real dynalite, in memory, on a port the OS picks (tests run in parallel, so never a
 * fixed port), with every table created under a random prefix.
 *
 *   let dynamo: TestDynamo;
 *   beforeAll(async () => { dynamo = await startDynamo(); });
 *   afterAll(() => dynamo.stop());
 *   const stores = dynamo.stores(clock);        // every store port, on this emulator
 *   await dynamo.client.send(new GetCommand({ TableName: dynamo.tableNames.tokens, Key: { … } }));
 */

export interface TestDynamo {
  endpoint: string;
  /** Document client (plain JS values) with dummy credentials and region. */
  client: DynamoDBDocumentClient;
  /** The low-level client, for table operations. */
  rawClient: DynamoDBClient;
  tableNames: TableNames;
  /** The DynamoDB store adapters on these tables; pass a ManualClock to test expiry. */
  stores(clock?: Clock): DynamoDbStores;
  stop(): Promise<void>;
}

export async function startDynamo(): Promise<TestDynamo> {
  const emulator = await startDynamoDbEmulator({ port: 0 });
  const { client: rawClient, documentClient } = createEmulatorClients(emulator.endpoint);
  const tableNames = localTableNames(`test-${randomUUID().slice(0, 8)}`);
  try {
    await ensureTables(rawClient, tableNames);
  } catch (error) {
    rawClient.destroy();
    await emulator.stop();
    throw error;
  }
  return {
    endpoint: emulator.endpoint,
    client: documentClient,
    rawClient,
    tableNames,
    stores: (clock = systemClock) => createDynamoDbStores({ client: documentClient, tableNames, clock }),
    stop: async () => {
      documentClient.destroy();
      rawClient.destroy();
      await emulator.stop();
    },
  };
}
