import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import type { AuditRecord } from '../../../functions/core/ports';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import { config, staffDependencies, TEST_PEPPER } from '../../unit/staff/staff-fixture';

/*
 * The staff API tests' shared arrangement: one dynalite per test file (started on a free port), and per test a
 * fresh clock on its own day, so counters, rate windows and audit days never leak between tests.
 */

export const PHONE_HASH = hashIdentifier(TEST_PEPPER, 'phone', '+31612345678');
export const lookup = {
  type: 'phone',
  value: '06-12345678',
  reason: 'no_access_to_email',
  ticket: 'INC-2001',
};

export type StaffApiSetUp = ReturnType<ReturnType<typeof useStaffDynamo>>;

/** Call at the top of a test file: starts dynalite for the file and returns the per-test arrangement. */
export function useStaffDynamo() {
  let dynamo: TestDynamo;
  beforeAll(async () => {
    dynamo = await startDynamo();
  });
  afterAll(() => dynamo.stop());

  let day = 0;
  return (limits: Partial<typeof config.limits> = {}) => {
    day += 1;
    const clock = new ManualClock(Date.parse('2026-04-01T10:00:00.000Z') + day * 24 * 60 * 60 * 1000);
    const stores = dynamo.stores(clock);
    const deps = staffDependencies(stores, clock);
    return { clock, stores, deps: { ...deps, config: { ...config, limits: { ...config.limits, ...limits } } } };
  };
}

/** Every audit record of the test's hour. */
export function auditOf(setUp: Pick<StaffApiSetUp, 'stores' | 'clock'>): Promise<AuditRecord[]> {
  const { stores, clock } = setUp;
  return stores.audit.list({ from: clock.now() - 60 * 60 * 1000, to: clock.now() + 60 * 60 * 1000, limit: 1000 });
}
