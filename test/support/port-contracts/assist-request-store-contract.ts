import { ConflictError } from '../../../functions/core/errors';
import type { AssistRequestStore } from '../../../functions/core/ports';
import { AssistRequestClaimedError } from '../../../functions/core/staff/staff-errors';
import { assistRequestRecord, START, seconds } from './store-records';
import { type MakeStore, useStoreSubject } from './store-subject';

/** What every AssistRequestStore does: the staff call-back queue by status, updates, and claims. */
export function describeAssistRequestStoreContract(adapter: string, makeStore: MakeStore<AssistRequestStore>): void {
  describe(`${adapter} AssistRequestStore contract`, () => {
    const subject = useStoreSubject(makeStore);
    const ids = (records: { id: string }[]) => records.map((record) => record.id);
    const claim = (updatedBy: string, kind: 'take' | 'release') => ({
      status: 'in_progress' as const,
      updatedAt: START + 10,
      updatedBy,
      claim: kind,
    });

    it('lists a status oldest first, up to a limit, and hides expired requests', async () => {
      const { store, clock } = subject;
      await store.create(assistRequestRecord('r2', START + 2));
      await store.create(assistRequestRecord('r1', START + 1));
      await store.create(assistRequestRecord('short', START, { expiresAtEpochSeconds: seconds(START) + 10 }));
      await store.create(assistRequestRecord('done', START, { status: 'done' }));
      expect(ids(await store.listByStatus('open', 10))).toEqual(['short', 'r1', 'r2']);
      clock.advance(10_000);
      expect(ids(await store.listByStatus('open', 10))).toEqual(['r1', 'r2']);
      expect(ids(await store.listByStatus('open', 1))).toEqual(['r1']);
      expect(await store.listByStatus('open', 0)).toEqual([]);
      expect(ids(await store.listByStatus('done', 10))).toEqual(['done']);
    });

    it('updates status, note and who; the request moves between queues', async () => {
      const { store } = subject;
      await store.create(assistRequestRecord('r1', START + 1));
      await store.create(assistRequestRecord('r2', START + 2));
      const updated = await store.update('r1', {
        status: 'in_progress',
        note: 'calling back at 14:00',
        updatedAt: START + 10,
        updatedBy: 'agent-1',
      });
      expect(updated).toEqual({
        ...assistRequestRecord('r1', START + 1),
        status: 'in_progress',
        note: 'calling back at 14:00',
        updatedAt: START + 10,
        updatedBy: 'agent-1',
      });
      expect(ids(await store.listByStatus('open', 100))).toEqual(['r2']);
      expect(await store.listByStatus('in_progress', 100)).toEqual([updated]);
      // An update without a note keeps the one there is.
      const done = await store.update('r1', { status: 'done', updatedAt: START + 20, updatedBy: 'agent-2' });
      expect(done).toMatchObject({ status: 'done', note: 'calling back at 14:00', updatedBy: 'agent-2' });
    });

    it('answers undefined for an unknown id', async () => {
      expect(await subject.store.update('missing', { status: 'done', updatedAt: START, updatedBy: 'agent-1' })).toBe(
        undefined,
      );
      expect(await subject.store.listByStatus('done', 10)).toEqual([]);
    });

    it('refuses to update an expired request', async () => {
      const { store, clock } = subject;
      await store.create(
        assistRequestRecord('short', START, { status: 'done', expiresAtEpochSeconds: seconds(START) + 5 }),
      );
      expect(ids(await store.listByStatus('done', 1000))).toEqual(['short']);
      clock.advance(5000);
      expect(await store.listByStatus('done', 1000)).toEqual([]);
      expect(await store.update('short', { status: 'open', updatedAt: START, updatedBy: 'a' })).toBeUndefined();
      expect(await store.update('short', claim('agent-1', 'take'))).toBeUndefined();
    });

    it('refuses a duplicate id', async () => {
      await subject.store.create(assistRequestRecord('r1', START));
      await expect(subject.store.create(assistRequestRecord('r1', START))).rejects.toBeInstanceOf(ConflictError);
    });

    it('claims only while free or already mine; release frees it; a change without a claim keeps the assignee', async () => {
      const { store } = subject;
      await store.create(assistRequestRecord('r1', START));
      expect((await store.update('r1', claim('agent-1', 'take')))?.assignee).toBe('agent-1');
      expect((await store.update('r1', claim('agent-1', 'take')))?.assignee).toBe('agent-1');
      await expect(store.update('r1', claim('agent-2', 'take'))).rejects.toBeInstanceOf(AssistRequestClaimedError);
      await expect(store.update('r1', claim('agent-2', 'release'))).rejects.toBeInstanceOf(AssistRequestClaimedError);
      const released = await store.update('r1', claim('agent-1', 'release'));
      expect(released?.assignee).toBeUndefined();
      expect((await store.update('r1', claim('agent-2', 'take')))?.assignee).toBe('agent-2');
      const noted = await store.update('r1', { status: 'done', updatedAt: START, updatedBy: 'x' });
      expect(noted?.assignee).toBe('agent-2');
      expect((await store.listByStatus('done', 10))[0]?.assignee).toBe('agent-2');
    });

    it('answers undefined, not "claimed", for a claim on an unknown id', async () => {
      expect(await subject.store.update('missing', claim('agent-1', 'take'))).toBeUndefined();
    });
  });
}
