import type { Clock } from '../../core/ports';
import { MemoryAssistRequestStore } from './memory-assist-request-store';
import { MemoryAuditLog } from './memory-audit-log';
import { MemoryCounterStore } from './memory-counter-store';
import { MemoryExposureStore } from './memory-exposure-store';
import { MemoryTokenStore } from './memory-token-store';

/** Every store port in memory, sharing one clock: what unit tests pass as PortalDependencies' stores. */
export function createMemoryStores(clock: Clock) {
  return {
    exposures: new MemoryExposureStore(),
    tokens: new MemoryTokenStore(clock),
    counters: new MemoryCounterStore(clock),
    audit: new MemoryAuditLog(clock),
    assistRequests: new MemoryAssistRequestStore(clock),
  };
}

export type MemoryStores = ReturnType<typeof createMemoryStores>;
