import { MemoryAssistRequestStore } from '../../../../functions/adapters/memory/memory-assist-request-store';
import { MemoryAuditLog } from '../../../../functions/adapters/memory/memory-audit-log';
import { MemoryCounterStore } from '../../../../functions/adapters/memory/memory-counter-store';
import { MemoryExposureStore } from '../../../../functions/adapters/memory/memory-exposure-store';
import { MemoryTokenStore } from '../../../../functions/adapters/memory/memory-token-store';
import { describeAssistRequestStoreContract } from '../../../support/port-contracts/assist-request-store-contract';
import { describeAuditLogContract } from '../../../support/port-contracts/audit-log-contract';
import { describeCounterStoreContract } from '../../../support/port-contracts/counter-store-contract';
import { describeExposureStoreContract } from '../../../support/port-contracts/exposure-store-contract';
import { describeTokenStoreContract } from '../../../support/port-contracts/token-store-contract';

/* The memory adapters against the same contracts the DynamoDB adapters meet on dynalite (test/integration/adapters). */

describeExposureStoreContract('memory', () => new MemoryExposureStore());
describeTokenStoreContract('memory', (clock) => new MemoryTokenStore(clock));
describeCounterStoreContract('memory', (clock) => new MemoryCounterStore(clock));
describeAuditLogContract('memory', (clock) => new MemoryAuditLog(clock));
describeAssistRequestStoreContract('memory', (clock) => new MemoryAssistRequestStore(clock));

describe('MemoryExposureStore.size', () => {
  it('counts items, one per identifier and breach#subject', async () => {
    const exposures = new MemoryExposureStore();
    const record = { identifierHash: 'h1', breachId: 'b1', subjectId: 's1', fields: ['email' as const] };
    await exposures.putRecords([record, { ...record, fields: ['phone'] }, { ...record, subjectId: 's2' }]);
    expect(exposures.size).toBe(2);
  });
});
