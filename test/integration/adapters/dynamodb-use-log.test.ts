import { countRollingWindow, DAY_SECONDS } from '../../../functions/core/check/rate-limit';
import { DAY, key, useDynamoStores } from './dynamodb-store-fixture';

/*
 * The rolling-window use log on dynalite (the per-mailbox limit): the version guard lets only one of two parallel
 * writers take a slot, an expired log reads as empty (the emulator never deletes it), and the window rolls.
 */

const context = useDynamoStores();

describe('DynamoDbCounterStore use log', () => {
  it('writes only over the version it read: a second writer with the same version loses', async () => {
    const counters = context.stores.counters;
    const logKey = key('log');
    const read = await counters.readUseLog(logKey);
    expect(read).toEqual({ times: [], version: 0 });
    expect(await counters.replaceUseLog(logKey, [1], read.version, 2_000_000_000)).toBe(true);
    expect(await counters.replaceUseLog(logKey, [2], read.version, 2_000_000_000)).toBe(false);
    expect(await counters.readUseLog(logKey)).toEqual({ times: [1], version: 1 });
  });

  it('reads an expired log as no uses but keeps its version for the next guarded write', async () => {
    const { counters } = context.stores;
    const logKey = key('expired');
    const nowSeconds = Math.floor(context.clock.now() / 1000);
    await counters.replaceUseLog(logKey, [context.clock.now()], 0, nowSeconds + 60);
    context.clock.advance(61_000);
    expect(await counters.readUseLog(logKey)).toEqual({ times: [], version: 1 });
    expect(await counters.replaceUseLog(logKey, [context.clock.now()], 1, nowSeconds + 600)).toBe(true);
  });

  it('allows `limit` uses in any 24 hours, of parallel requests too, and frees a slot 24 hours after the oldest', async () => {
    const { counters } = context.stores;
    const check = {
      subject: 'mailbox' as const,
      subjectHash: key('mailbox'),
      window: { seconds: DAY_SECONDS, limit: 3 },
    };
    const start = context.clock.now();
    const parallel = await Promise.allSettled(
      Array.from({ length: 6 }, () => countRollingWindow(counters, check, start)),
    );
    const allowed = parallel.filter((r) => r.status === 'fulfilled' && r.value.allowed).length;
    // Lost races are retried; a writer that keeps losing gets a 503 instead of a slot, never a fourth slot.
    expect(allowed).toBeLessThanOrEqual(3);
    while ((await countRollingWindow(counters, check, start + 1000)).allowed);
    const refused = await countRollingWindow(counters, check, start + 2 * 60 * 60 * 1000);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 22 * 60 * 60 });
    expect((await countRollingWindow(counters, check, start + DAY)).allowed).toBe(true);
  });
});
