import { ConflictError } from '../../../functions/core/errors';
import type { AuditLog } from '../../../functions/core/ports';
import { auditRecord, DAY, START, seconds } from './store-records';
import { type MakeStore, useStoreSubject } from './store-subject';

/** What every AuditLog does: append-only, listed newest first by date range, staff member and limit. */
export function describeAuditLogContract(adapter: string, makeStore: MakeStore<AuditLog>): void {
  describe(`${adapter} AuditLog contract`, () => {
    const subject = useStoreSubject(makeStore);

    it('is append-only: a second record with the same id and time is refused and the first stays', async () => {
      await subject.store.append(auditRecord('a1', START));
      await expect(
        subject.store.append(auditRecord('a1', START, { outcome: 'refused', action: 'changed' })),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await subject.store.list({ from: START, to: START })).toEqual([auditRecord('a1', START)]);
    });

    it('lists a range across UTC days newest first, by staff member, up to a limit', async () => {
      await subject.store.append(auditRecord('a', START - 3 * DAY));
      await subject.store.append(auditRecord('b', START - 2 * DAY));
      await subject.store.append(auditRecord('c', START - 2 * DAY + 1000, { staffId: 'supervisor-9' }));
      await subject.store.append(auditRecord('d', START - DAY));
      await subject.store.append(auditRecord('e', START + 1));

      const inRange = await subject.store.list({ from: START - 2 * DAY, to: START });
      expect(inRange.map((record) => record.id)).toEqual(['d', 'c', 'b']);
      const byStaff = await subject.store.list({
        from: START - 5 * DAY,
        to: START + DAY,
        staffId: 'agent-1',
        limit: 3,
      });
      expect(byStaff.map((record) => record.id)).toEqual(['e', 'd', 'b']);
      expect(await subject.store.list({ from: START, to: START - DAY })).toEqual([]);
    });

    it('orders records at the same millisecond by id and includes both ends of the range', async () => {
      await subject.store.append(auditRecord('x1', START));
      await subject.store.append(auditRecord('x2', START));
      await subject.store.append(auditRecord('later', START + 1));
      expect((await subject.store.list({ from: START, to: START })).map((record) => record.id)).toEqual(['x2', 'x1']);
    });

    it('leaves out optional fields that were not given, and hides a record once it has expired', async () => {
      const at = START + 200 * DAY;
      const bare = {
        id: 'bare',
        at,
        staffId: 'agent-2',
        role: 'supervisor' as const,
        action: 'audit.read',
        outcome: 'allowed' as const,
        expiresAtEpochSeconds: seconds(at) + 10,
      };
      await subject.store.append(bare);
      expect(await subject.store.list({ from: at, to: at })).toEqual([bare]);
      subject.clock.set(at + 10_000);
      expect(await subject.store.list({ from: at, to: at })).toEqual([]);
    });
  });
}
