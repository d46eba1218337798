import { randomUUID } from 'node:crypto';
import { DynamoDbAssistRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-assist-request-store';
import { DynamoDbAuditLog } from '../../../functions/adapters/dynamodb/dynamodb-audit-log';
import { DynamoDbCounterStore } from '../../../functions/adapters/dynamodb/dynamodb-counter-store';
import { DynamoDbExposureStore } from '../../../functions/adapters/dynamodb/dynamodb-exposure-store';
import { DynamoDbTokenStore } from '../../../functions/adapters/dynamodb/dynamodb-token-store';
import { localTableNames, type TableNames } from '../../../functions/adapters/dynamodb/table-definitions';
import { ensureTables } from '../../../functions/local/dynamodb-emulator';
import { describeAssistRequestStoreContract } from '../../support/port-contracts/assist-request-store-contract';
import { describeAuditLogContract } from '../../support/port-contracts/audit-log-contract';
import { describeCounterStoreContract } from '../../support/port-contracts/counter-store-contract';
import { describeExposureStoreContract } from '../../support/port-contracts/exposure-store-contract';
import { describeTokenStoreContract } from '../../support/port-contracts/token-store-contract';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';

/*
 * The DynamoDB adapters against the contracts the memory adapters meet (test/unit/adapters/memory), on one dynalite
 * over HTTP. Every test gets fresh, empty tables, so a contract can expect exact lists. What only DynamoDB has
 * (item shapes, TTL attributes, races between conditional writes) is in the other dynamodb-*.test.ts files.
 */

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());

async function freshTables(): Promise<TableNames> {
  const tableNames = localTableNames(`contract-${randomUUID().slice(0, 8)}`);
  await ensureTables(dynamo.rawClient, tableNames);
  return tableNames;
}

describeExposureStoreContract(
  'DynamoDB',
  async () => new DynamoDbExposureStore(dynamo.client, (await freshTables()).exposures),
);
describeTokenStoreContract(
  'DynamoDB',
  async (clock) => new DynamoDbTokenStore(dynamo.client, (await freshTables()).tokens, clock),
);
describeCounterStoreContract(
  'DynamoDB',
  async (clock) => new DynamoDbCounterStore(dynamo.client, (await freshTables()).counters, clock),
);
describeAuditLogContract(
  'DynamoDB',
  async (clock) => new DynamoDbAuditLog(dynamo.client, (await freshTables()).audit, clock),
);
describeAssistRequestStoreContract(
  'DynamoDB',
  async (clock) => new DynamoDbAssistRequestStore(dynamo.client, (await freshTables()).assistRequests, clock),
);
