import { exposureRecordKey } from '../../../functions/adapters/dynamodb/dynamodb-exposure-store';
import { exposureItemJsonLine } from '../../../functions/import/exposure-item-json';
import { formatProgress, formatSummary } from '../../../functions/import/import-progress';

describe('exposureItemJsonLine', () => {
  it('writes the DynamoDbExposureStore item model as one DynamoDB JSON line', () => {
    const record = {
      identifierHash: 'h_1-x',
      breachId: 'b-2026',
      subjectId: 's_2',
      fields: ['iban', 'email'] as const,
    };
    const line = exposureItemJsonLine({ ...record, fields: [...record.fields] });
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      Item: {
        identifierHash: { S: 'h_1-x' },
        recordKey: { S: exposureRecordKey(record) },
        breachId: { S: 'b-2026' },
        subjectId: { S: 's_2' },
        fields: { L: [{ S: 'iban' }, { S: 'email' }] },
      },
    });
  });
});

describe('import progress and summary', () => {
  it('shows rows, rate and ETA', () => {
    expect(formatProgress({ rows: 50_000, bytesRead: 25, totalBytes: 100, elapsedMs: 10_000 })).toBe(
      '50,000 rows  5,000 rows/s  25 %  ETA 30 s',
    );
  });

  it('summarises rows, identifiers, subjects, rejects and rate', () => {
    const line = formatSummary({
      rows: 10,
      identifiers: 25,
      subjects: 9,
      rejects: 2,
      elapsedMs: 2000,
      rowsPerSecond: 5,
      workers: 2,
      timing: { parse: 0, normalise: 0, hash: 0, serialise: 0, write: 0 },
      maxRssKb: 1,
    });
    expect(line).toBe('rows 10, identifiers 25, subjects 9, rejects 2, 2.0 s, 5 rows/s on 2 workers');
  });
});
