import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { START } from '../../support/port-contracts/store-records';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';

/*
 * For the DynamoDB-only tests (item shapes, TTL attributes, races): one dynalite per test file, fresh stores and a
 * manual clock per test. Each test uses its own keys (`key()`), so tests share the tables without seeing each
 * other's items. What every adapter does is in test/support/port-contracts, run by dynamodb-store-contracts.test.ts.
 */

export interface StoreTestContext {
  dynamo: TestDynamo;
  clock: ManualClock;
  stores: ReturnType<TestDynamo['stores']>;
}

/** Registers the jest hooks; read the context inside tests (it is filled in by then). */
export function useDynamoStores(): StoreTestContext {
  const context = {} as StoreTestContext;
  beforeAll(async () => {
    context.dynamo = await startDynamo();
  });
  afterAll(() => context.dynamo.stop());
  beforeEach(() => {
    context.clock = new ManualClock(START);
    context.stores = context.dynamo.stores(context.clock);
  });
  return context;
}

let unique = 0;
export const key = (label: string) => `${label}-${++unique}-${expect.getState().currentTestName?.length ?? 0}`;
