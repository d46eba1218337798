import { countRollingWindow, DAY_SECONDS } from '../../../functions/core/check/rate-limit';
import type { CounterStore } from '../../../functions/core/ports';
import { DAY, START, seconds } from './store-records';
import { type MakeStore, useStoreSubject } from './store-subject';

/** What every CounterStore does: fixed-window counters and the version-guarded rolling-window use log. */
export function describeCounterStoreContract(adapter: string, makeStore: MakeStore<CounterStore>): void {
  describe(`${adapter} CounterStore contract`, () => {
    const subject = useStoreSubject(makeStore);

    it('counts up, treats an expired window as 0 and starts a new one at 1', async () => {
      const windowEnd = seconds(START) + 60;
      expect(await subject.store.increment('k', windowEnd)).toBe(1);
      expect(await subject.store.increment('k', windowEnd)).toBe(2);
      expect(await subject.store.get('k')).toBe(2);
      subject.clock.advance(60_000);
      expect(await subject.store.get('k')).toBe(0);
      expect(await subject.store.increment('k', seconds(subject.clock.now()) + 60)).toBe(1);
      expect(await subject.store.increment('k', seconds(subject.clock.now()) + 60)).toBe(2);
      // The new window ends when the restart said, not when the old one did.
      subject.clock.advance(59_000);
      expect(await subject.store.get('k')).toBe(2);
    });

    it('reads a counter that was never written as 0', async () => {
      expect(await subject.store.get('never')).toBe(0);
    });

    it('writes a use log only over the version it read: a second writer with the same version loses', async () => {
      const read = await subject.store.readUseLog('log');
      expect(read).toEqual({ times: [], version: 0 });
      expect(await subject.store.replaceUseLog('log', [1], read.version, 2_000_000_000)).toBe(true);
      expect(await subject.store.replaceUseLog('log', [2], read.version, 2_000_000_000)).toBe(false);
      expect(await subject.store.readUseLog('log')).toEqual({ times: [1], version: 1 });
    });

    it('reads an expired use log as no uses but keeps its version for the next guarded write', async () => {
      const nowSeconds = seconds(subject.clock.now());
      await subject.store.replaceUseLog('log', [subject.clock.now()], 0, nowSeconds + 60);
      subject.clock.advance(61_000);
      expect(await subject.store.readUseLog('log')).toEqual({ times: [], version: 1 });
      expect(await subject.store.replaceUseLog('log', [subject.clock.now()], 0, nowSeconds + 600)).toBe(false);
      expect(await subject.store.replaceUseLog('log', [subject.clock.now()], 1, nowSeconds + 600)).toBe(true);
    });

    it('allows `limit` uses in any 24 hours, of parallel requests too, and frees a slot 24 hours after the oldest', async () => {
      const check = {
        subject: 'mailbox' as const,
        subjectHash: 'mailbox-hash',
        window: { seconds: DAY_SECONDS, limit: 3 },
      };
      const start = subject.clock.now();
      const parallel = await Promise.allSettled(
        Array.from({ length: 6 }, () => countRollingWindow(subject.store, check, start)),
      );
      const allowed = parallel.filter((r) => r.status === 'fulfilled' && r.value.allowed).length;
      // Lost races are retried; a writer that keeps losing gets a 503 instead of a slot, never a fourth slot.
      expect(allowed).toBeLessThanOrEqual(3);
      while ((await countRollingWindow(subject.store, check, start + 1000)).allowed);
      const refused = await countRollingWindow(subject.store, check, start + 2 * 60 * 60 * 1000);
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: 22 * 60 * 60 });
      expect((await countRollingWindow(subject.store, check, start + DAY)).allowed).toBe(true);
    });
  });
}
