import { createHmac } from 'node:crypto';
import { createPepperKey, hashIdentifier } from '../../../functions/core/identifier-hash';
import { DEFAULT_COLUMNS, resolveColumns } from '../../../functions/import/import-columns';
import { createRowHasher } from '../../../functions/import/row-hasher';

const pepper = Buffer.alloc(32, 3);
const header = [...DEFAULT_COLUMNS];
const hashRow = createRowHasher({
  pepperKey: createPepperKey(pepper),
  breachId: 'test-breach',
  customerNumberPattern: '^[0-9]{9}$',
  defaultPhoneRegion: 'NL',
  columns: resolveColumns(header),
  header,
});

function row(values: Partial<Record<(typeof DEFAULT_COLUMNS)[number], string>>): string[] {
  return DEFAULT_COLUMNS.map((column) => values[column] ?? '');
}

describe('createRowHasher', () => {
  it('yields one item per valid identifier, all naming the customer-number subject', () => {
    const { records, rejects } = hashRow(
      row({ customer_number: '123456789', email: ' Jan@Example.NL ', mobile: '06-12345678', city: 'Utrecht' }),
      2,
    );
    const subjectId = hashIdentifier(pepper, 'customerNumber', '123456789');
    expect(rejects).toEqual([]);
    expect(records.map((r) => r.identifierHash)).toEqual([
      subjectId,
      hashIdentifier(pepper, 'email', 'jan@example.nl'),
      hashIdentifier(pepper, 'phone', '+31612345678'),
    ]);
    expect(records.every((r) => r.subjectId === subjectId && r.breachId === 'test-breach')).toBe(true);
    expect(records[0]?.fields).toEqual(['phone', 'email', 'address', 'customerNumber']);
  });

  it('maps every column to its data class, risk-ordered', () => {
    const full = Object.fromEntries(DEFAULT_COLUMNS.map((column) => [column, 'x']));
    const { records } = hashRow(
      row({ ...full, customer_number: '123456789', email: 'a@b.nl', mobile: '0612345678' }),
      2,
    );
    expect(records[0]?.fields).toEqual([
      'idDocumentNumber',
      'idDocumentValidity',
      'iban',
      'phone',
      'email',
      'dateOfBirth',
      'address',
      'fullName',
      'customerNumber',
    ]);
  });

  it('rejects an invalid identifier by line, column and reason, and keeps the valid ones', () => {
    const { records, rejects } = hashRow(
      row({ customer_number: '123456789', email: 'not-an-email', mobile: '0612' }),
      7,
    );
    expect(rejects).toEqual([
      { line: 7, column: 'email', reason: 'invalid_email' },
      { line: 7, column: 'mobile', reason: 'invalid_phone' },
    ]);
    expect(records).toHaveLength(1);
    // The invalid values were still exposed data: their classes count.
    expect(records[0]?.fields).toEqual(['phone', 'email', 'customerNumber']);
  });

  it('names a record without a customer number by a keyed hash of its other identifiers, stably', () => {
    const input = row({ email: 'jan@example.nl', mobile: '+31 6 12345678' });
    const first = hashRow(input, 3).records;
    const again = hashRow(input, 99).records;
    const expected = createHmac('sha256', pepper)
      .update('v1|subject|email=jan@example.nl|phone=+31612345678')
      .digest('base64url');
    expect(first.map((r) => r.subjectId)).toEqual([expected, expected]);
    expect(again).toEqual(first);
  });

  it('rejects a row without any valid identifier', () => {
    expect(hashRow(row({ full_name: 'Jan', email: 'nope' }), 4)).toEqual({
      records: [],
      rejects: [
        { line: 4, column: 'email', reason: 'invalid_email' },
        { line: 4, column: '', reason: 'no_identifier' },
      ],
    });
  });

  it('rejects a row whose field count differs from the header, whole', () => {
    expect(hashRow(['123456789', 'Jan'], 5)).toEqual({
      records: [],
      rejects: [{ line: 5, column: '', reason: 'column_count' }],
    });
  });

  it('never puts an input value into a reject', () => {
    const { rejects } = hashRow(row({ customer_number: '12-34', email: 'secret@@x', mobile: '099' }), 6);
    expect(JSON.stringify(rejects)).not.toMatch(/12-34|secret|099/);
  });
});

describe('createRowHasher with reuseRecords (the s3-files output)', () => {
  const reusingHashRow = createRowHasher({
    pepperKey: createPepperKey(pepper),
    breachId: 'test-breach',
    customerNumberPattern: '^[0-9]{9}$',
    defaultPhoneRegion: 'NL',
    columns: resolveColumns(header),
    header,
    reuseRecords: true,
  });

  it('gives each row the same records as a fresh hasher, whatever row came before', () => {
    const rows = [
      row({ customer_number: '123456789', email: 'a@b.nl', mobile: '0612345678', city: 'Utrecht' }),
      row({ email: 'c@d.nl' }),
      row({ email: 'bad', mobile: '0698765432', iban: 'x' }),
      row({ customer_number: '987654321', mobile: '0611111111' }),
      row({ city: 'no identifier' }),
      row({ customer_number: '111111111', email: 'e@f.nl', mobile: '0622222222' }),
    ];
    rows.forEach((values, index) => {
      // Copied before the next call: the reused outcome is refilled by it.
      const reused = structuredClone(reusingHashRow(values, index + 2));
      expect(reused).toEqual(hashRow(values, index + 2));
    });
  });
});
