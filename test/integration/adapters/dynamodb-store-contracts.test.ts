import { randomUUID } from 'node:crypto';
import { localTableNames, type TableNames } from '../../../contract/tables';
import { DynamoDbAssistRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-assist-request-store';
import { DynamoDbAuditLog } from '../../../functions/adapters/dynamodb/dynamodb-audit-log';
import { DynamoDbCounterStore } from '../../../functions/adapters/dynamodb/dynamodb-counter-store';
import { DynamoDbExposureStore } from '../../../functions/adapters/dynamodb/dynamodb-exposure-store';
import { DynamoDbTokenStore } from '../../../functions/adapters/dynamodb/dynamodb-token-store';
import type { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { ensureTables } from '../../../functions/local/emulators/dynamodb-emulator';
import { describeAssistRequestStoreContract } from '../../support/port-contracts/assist-request-store-contract';
import { describeAuditLogContract } from '../../support/port-contracts/audit-log-contract';
import { describeCounterStoreContract } from '../../support/port-contracts/counter-store-contract';
import { describeExposureStoreContract } from '../../support/port-contracts/exposure-store-contract';
import type { MakeStore } from '../../support/port-contracts/store-subject';
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

/** A store on fresh, empty tables (a new name prefix on the one emulator), for each test. */
function onFreshTables<Store>(build: (tables: TableNames, clock: ManualClock) => Store): MakeStore<Store> {
  return async (clock) => {
    const tables = localTableNames(`contract-${randomUUID().slice(0, 8)}`);
    await ensureTables(dynamo.rawClient, tables);
    return build(tables, clock);
  };
}

describeExposureStoreContract(
  'DynamoDB',
  onFreshTables((tables) => new DynamoDbExposureStore(dynamo.client, tables.exposures)),
);
describeTokenStoreContract(
  'DynamoDB',
  onFreshTables((tables, clock) => new DynamoDbTokenStore(dynamo.client, tables.tokens, clock)),
);
describeCounterStoreContract(
  'DynamoDB',
  onFreshTables((tables, clock) => new DynamoDbCounterStore(dynamo.client, tables.counters, clock)),
);
describeAuditLogContract(
  'DynamoDB',
  onFreshTables((tables, clock) => new DynamoDbAuditLog(dynamo.client, tables.audit, clock)),
);
describeAssistRequestStoreContract(
  'DynamoDB',
  onFreshTables((tables, clock) => new DynamoDbAssistRequestStore(dynamo.client, tables.assistRequests, clock)),
);
