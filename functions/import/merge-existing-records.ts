import { sortFieldsByRisk } from '../core/fields';
import type { ExposureRecord, ExposureStore } from '../core/ports';

/*
 * Adding a second file of the same breach to a table that already holds the first: a subject in both must end up
 * with the union of its exposed fields, not with whichever file came last (a put replaces the whole item). So each
 * record is merged with what the store already holds under its key before it is written. This costs one query
 * per identifier, which is why it is an option (`--merge-existing`) and not the default for a first import.
 */

const LOOKUP_CONCURRENCY = 16;

export async function mergeWithExistingRecords(
  store: ExposureStore,
  records: readonly ExposureRecord[],
): Promise<ExposureRecord[]> {
  const merged = [...records];
  let next = 0;
  const lookUp = async () => {
    while (next < merged.length) {
      const index = next++;
      const record = merged[index] as ExposureRecord;
      const existing = (await store.findByIdentifier(record.identifierHash)).find(
        (stored) => stored.breachId === record.breachId && stored.subjectId === record.subjectId,
      );
      if (existing) merged[index] = { ...record, fields: sortFieldsByRisk([...existing.fields, ...record.fields]) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, merged.length) }, lookUp));
  return merged;
}
