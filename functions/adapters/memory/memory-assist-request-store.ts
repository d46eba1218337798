import { ConflictError } from '../../core/errors';
import type { AssistRequestRecord, AssistRequestStatus, AssistRequestStore, Clock } from '../../core/ports';
import { AssistRequestClaimedError } from '../../core/staff/staff-errors';
import { isExpired } from '../dynamodb/item-expiry';

/** In-memory AssistRequestStore: the queue lists oldest first and hides expired requests, like the GSI query. */
export class MemoryAssistRequestStore implements AssistRequestStore {
  private readonly requests = new Map<string, AssistRequestRecord>();

  constructor(private readonly clock: Clock) {}

  async create(record: AssistRequestRecord): Promise<void> {
    if (this.requests.has(record.id)) throw new ConflictError('An assist request with this id already exists.');
    this.requests.set(record.id, { ...record });
  }

  async listByStatus(status: AssistRequestStatus, limit: number): Promise<AssistRequestRecord[]> {
    const now = this.clock.now();
    return [...this.requests.values()]
      .filter((record) => record.status === status && !isExpired(record.expiresAtEpochSeconds, now))
      .sort((a, b) => a.createdAt - b.createdAt)
      .slice(0, Math.max(0, limit))
      .map((record) => ({ ...record }));
  }

  async update(
    id: string,
    // The port's own parameter type, so a new field there reaches every adapter.
    change: Parameters<AssistRequestStore['update']>[1],
  ): Promise<AssistRequestRecord | undefined> {
    const record = this.requests.get(id);
    if (!record || isExpired(record.expiresAtEpochSeconds, this.clock.now())) return undefined;
    if (change.claim && record.assignee !== undefined && record.assignee !== change.updatedBy) {
      throw new AssistRequestClaimedError();
    }
    const { assignee: _previous, ...unassigned } = record;
    const updated: AssistRequestRecord = {
      ...(change.claim === 'release' ? unassigned : record),
      status: change.status,
      updatedAt: change.updatedAt,
      updatedBy: change.updatedBy,
      ...(change.note === undefined ? {} : { note: change.note }),
      ...(change.claim === 'take' ? { assignee: change.updatedBy } : {}),
    };
    this.requests.set(id, updated);
    return { ...updated };
  }
}
