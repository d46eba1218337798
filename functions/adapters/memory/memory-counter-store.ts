import type { Clock, CounterStore, UseLog } from '../../core/ports';
import { isExpired } from '../dynamodb/item-expiry';

interface Counter {
  count: number;
  expiresAtEpochSeconds: number;
}

/** In-memory CounterStore: an expired counter counts as 0 and the next increment starts a new window at 1. */
export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, Counter>();
  private readonly logs = new Map<string, UseLog & { expiresAtEpochSeconds: number }>();

  constructor(private readonly clock: Clock) {}

  async increment(key: string, expiresAtEpochSeconds: number): Promise<number> {
    const counter = this.counters.get(key);
    if (!counter || isExpired(counter.expiresAtEpochSeconds, this.clock.now())) {
      this.counters.set(key, { count: 1, expiresAtEpochSeconds });
      return 1;
    }
    counter.count += 1;
    return counter.count;
  }

  async get(key: string): Promise<number> {
    const counter = this.counters.get(key);
    if (!counter || isExpired(counter.expiresAtEpochSeconds, this.clock.now())) return 0;
    return counter.count;
  }

  async readUseLog(key: string): Promise<UseLog> {
    const log = this.logs.get(key);
    if (!log) return { times: [], version: 0 };
    const expired = isExpired(log.expiresAtEpochSeconds, this.clock.now());
    return { times: expired ? [] : [...log.times], version: log.version };
  }

  async replaceUseLog(key: string, times: number[], expectedVersion: number, expiresAtEpochSeconds: number) {
    if ((this.logs.get(key)?.version ?? 0) !== expectedVersion) return false;
    this.logs.set(key, { times: [...times], version: expectedVersion + 1, expiresAtEpochSeconds });
    return true;
  }
}
