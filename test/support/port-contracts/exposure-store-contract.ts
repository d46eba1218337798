import { type Field, sortFieldsByRisk } from '../../../functions/core/fields';
import type { ExposureRecord, ExposureStore } from '../../../functions/core/ports';
import { type MakeStore, useStoreSubject } from './store-subject';

/** What every ExposureStore does: the import writes through it, the check and staff lookup read through it. */
export function describeExposureStoreContract(adapter: string, makeStore: MakeStore<ExposureStore>): void {
  describe(`${adapter} ExposureStore contract`, () => {
    const subject = useStoreSubject(makeStore);

    it('finds every record under an identifier (breach#subject order, fields by risk), nothing under another', async () => {
      await subject.store.putRecords([
        { identifierHash: 'h1', breachId: 'breach-a', subjectId: 'subject-2', fields: ['email', 'iban'] },
        { identifierHash: 'h1', breachId: 'breach-a', subjectId: 'subject-1', fields: ['email', 'fullName'] },
        { identifierHash: 'h2', breachId: 'breach-a', subjectId: 'subject-3', fields: ['address'] },
      ]);
      const found = await subject.store.findByIdentifier('h1');
      expect(found).toEqual([
        { identifierHash: 'h1', breachId: 'breach-a', subjectId: 'subject-1', fields: ['email', 'fullName'] },
        { identifierHash: 'h1', breachId: 'breach-a', subjectId: 'subject-2', fields: ['iban', 'email'] },
      ]);
      expect(sortFieldsByRisk(found.flatMap((record) => record.fields))).toEqual(['iban', 'email', 'fullName']);
      expect(await subject.store.findByIdentifier('unknown')).toEqual([]);
    });

    it('is idempotent: the same record written again, in one call or two, stays one record; the last write wins', async () => {
      const record: ExposureRecord = { identifierHash: 'h1', breachId: 'b', subjectId: 's', fields: ['email'] };
      await subject.store.putRecords([record]);
      await subject.store.putRecords([record, record]);
      expect(await subject.store.findByIdentifier('h1')).toEqual([record]);
      await subject.store.putRecords([{ ...record, fields: ['email', 'phone'] }]);
      expect(await subject.store.findByIdentifier('h1')).toEqual([{ ...record, fields: ['phone', 'email'] }]);
    });

    it('writes more records than one DynamoDB batch holds (25), none lost', async () => {
      const fields: Field[] = ['email'];
      const records = Array.from({ length: 137 }, (_, i) => ({
        identifierHash: `bulk-${i % 40}`,
        breachId: 'b',
        subjectId: `s${i}`,
        fields,
      }));
      await subject.store.putRecords(records);
      const counts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => subject.store.findByIdentifier(`bulk-${i}`).then((r) => r.length)),
      );
      expect(counts.reduce((a, b) => a + b, 0)).toBe(137);
    });
  });
}
