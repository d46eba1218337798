import { ConflictError } from '../../core/errors';
import type { AuditLog, AuditQuery, AuditRecord, Clock } from '../../core/ports';
import { auditKeyOf, auditListLimit } from '../dynamodb/audit-partitions';
import { isExpired } from '../dynamodb/item-expiry';

/** In-memory AuditLog: append-only (a repeated key is refused), listed newest first like the DynamoDB adapter. */
export class MemoryAuditLog implements AuditLog {
  private readonly records = new Map<string, AuditRecord>();

  constructor(private readonly clock: Clock) {}

  async append(record: AuditRecord): Promise<void> {
    const key = auditKeyOf(record.at, record.id);
    if (this.records.has(key)) throw new ConflictError('An audit record with this id and time already exists.');
    this.records.set(key, { ...record });
  }

  async list(query: AuditQuery): Promise<AuditRecord[]> {
    const now = this.clock.now();
    return [...this.records.entries()]
      .filter(
        ([, record]) =>
          record.at >= query.from &&
          record.at <= query.to &&
          (query.staffId === undefined || record.staffId === query.staffId) &&
          !isExpired(record.expiresAtEpochSeconds, now),
      )
      .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
      .slice(0, auditListLimit(query.limit))
      .map(([, record]) => ({ ...record }));
  }
}
