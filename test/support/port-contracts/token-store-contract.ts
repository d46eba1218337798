import { ConflictError } from '../../../functions/core/errors';
import type { TokenStore } from '../../../functions/core/ports';
import { START, tokenRecord } from './store-records';
import { type MakeStore, useStoreSubject } from './store-subject';

/** What every TokenStore does: a result link's token is created once, redeemed once, and never while expired. */
export function describeTokenStoreContract(adapter: string, makeStore: MakeStore<TokenStore>): void {
  describe(`${adapter} TokenStore contract`, () => {
    const subject = useStoreSubject(makeStore);
    const HALF_HOUR = 30 * 60_000;

    it('returns a created token as it was written', async () => {
      await subject.store.create(tokenRecord('t1'));
      expect(await subject.store.get('t1')).toEqual(tokenRecord('t1'));
      expect(await subject.store.get('unknown')).toBeUndefined();
    });

    it('refuses to overwrite a token whose hash exists', async () => {
      await subject.store.create(tokenRecord('t1'));
      await expect(subject.store.create(tokenRecord('t1', { identifierHash: 'someone-else' }))).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await subject.store.get('t1'))?.identifierHash).toBe('identifier-hash');
    });

    it('takes the same record created again (a retried write whose answer was lost) as success, changing nothing', async () => {
      await subject.store.create(tokenRecord('t1'));
      await subject.store.markRedeemed('t1', START + 1000, START + 1000 + HALF_HOUR);
      await expect(subject.store.create(tokenRecord('t1'))).resolves.toBeUndefined();
      expect((await subject.store.get('t1'))?.redeemedAt).toBe(START + 1000);
    });

    it('redeems a token only once and returns the stored record after the write', async () => {
      await subject.store.create(tokenRecord('t1'));
      const first = await subject.store.markRedeemed('t1', START + 1000, START + 1000 + HALF_HOUR);
      const second = await subject.store.markRedeemed('t1', START + 2000, START + 2000 + HALF_HOUR);
      expect(first).toEqual({
        ...tokenRecord('t1'),
        redeemedAt: START + 1000,
        readableUntil: START + 1000 + HALF_HOUR,
      });
      expect(second).toBeUndefined();
      expect(await subject.store.get('t1')).toEqual(first);
    });

    it('does not redeem an expired or unknown token, but still returns the expired record, so the caller can say "expired"', async () => {
      await subject.store.create(tokenRecord('t1'));
      subject.clock.advance(24 * 3600 * 1000);
      const now = subject.clock.now();
      expect(await subject.store.markRedeemed('t1', now, now + 1)).toBeUndefined();
      expect(await subject.store.get('t1')).toEqual(tokenRecord('t1'));
      expect(await subject.store.markRedeemed('unknown', now, now + 1)).toBeUndefined();
      expect(await subject.store.get('unknown')).toBeUndefined();
    });

    it('redeems a token up to its last second', async () => {
      await subject.store.create(tokenRecord('t1'));
      subject.clock.advance(24 * 3600 * 1000 - 1);
      expect(await subject.store.markRedeemed('t1', subject.clock.now(), subject.clock.now() + 1)).toBeDefined();
    });
  });
}
