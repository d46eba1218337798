import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { START } from './store-records';

/*
 * How a contract gets the store it tests: a fresh, empty store per test, built on the ManualClock the contract moves
 * (the memory adapter: a new instance; the DynamoDB adapter: new tables on one dynalite).
 */

export type MakeStore<Store> = (clock: ManualClock) => Store | Promise<Store>;

export interface StoreSubject<Store> {
  store: Store;
  clock: ManualClock;
}

/** Registers a beforeEach that builds the subject; read it inside tests (it is filled in by then). */
export function useStoreSubject<Store>(makeStore: MakeStore<Store>): StoreSubject<Store> {
  const subject = {} as StoreSubject<Store>;
  beforeEach(async () => {
    subject.clock = new ManualClock(START);
    subject.store = await makeStore(subject.clock);
  });
  return subject;
}
