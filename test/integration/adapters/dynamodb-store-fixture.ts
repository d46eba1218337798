import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';

/*
 * One dynalite per test file, fresh stores and a manual clock per test. Each test uses its own keys (`key()`), so
 * tests share the tables without seeing each other's items.
 */

export const START = Date.parse('2026-03-01T12:00:00.000Z');
export const DAY = 86_400_000;
export const seconds = (ms: number) => Math.floor(ms / 1000);

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
