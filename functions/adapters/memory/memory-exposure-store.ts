import { sortFieldsByRisk } from '../../core/fields';
import type { ExposureRecord, ExposureStore } from '../../core/ports';

/** In-memory ExposureStore: one entry per (identifierHash, breachId#subjectId), like the DynamoDB item key. */
export class MemoryExposureStore implements ExposureStore {
  private readonly byIdentifier = new Map<string, Map<string, ExposureRecord>>();

  async findByIdentifier(identifierHash: string): Promise<ExposureRecord[]> {
    const records = this.byIdentifier.get(identifierHash);
    if (!records) return [];
    return [...records.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, record]) => ({ ...record, fields: [...record.fields] }));
  }

  async putRecords(records: readonly ExposureRecord[]): Promise<void> {
    for (const record of records) {
      let records = this.byIdentifier.get(record.identifierHash);
      if (!records) {
        records = new Map();
        this.byIdentifier.set(record.identifierHash, records);
      }
      records.set(`${record.breachId}#${record.subjectId}`, { ...record, fields: sortFieldsByRisk(record.fields) });
    }
  }

  /** Number of stored items, for tests and the import summary. */
  get size(): number {
    let count = 0;
    for (const records of this.byIdentifier.values()) count += records.size;
    return count;
  }
}
