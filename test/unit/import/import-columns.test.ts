import { DEFAULT_COLUMNS, parseColumnMap, resolveColumns } from '../../../functions/import/import-columns';
import { ImportError } from '../../../functions/import/import-errors';

describe('resolveColumns', () => {
  it('finds the default columns in any order', () => {
    const header = [...DEFAULT_COLUMNS].reverse();
    const indexes = resolveColumns(header);
    expect(indexes.customer_number).toBe(DEFAULT_COLUMNS.length - 1);
    expect(indexes.id_document_valid_until).toBe(0);
  });

  it('fails before any work when required columns are missing, naming them', () => {
    const header = DEFAULT_COLUMNS.filter((column) => column !== 'iban' && column !== 'city');
    expect(() => resolveColumns(header)).toThrow(ImportError);
    expect(() => resolveColumns(header)).toThrow(/iban.*city|city.*iban/);
  });

  it('follows a column map, and null marks a column the file does not have', () => {
    const header = DEFAULT_COLUMNS.map((column) => (column === 'email' ? 'E-mailadres' : column)).filter(
      (column) => column !== 'iban',
    );
    const indexes = resolveColumns(header, parseColumnMap({ email: 'E-mailadres', iban: null }));
    expect(indexes.email).toBe(header.indexOf('E-mailadres'));
    expect(indexes.iban).toBe(-1);
  });

  it('refuses a file without any identifier column', () => {
    const header = ['full_name', 'city'];
    const map = parseColumnMap(
      Object.fromEntries(DEFAULT_COLUMNS.filter((c) => !header.includes(c)).map((c) => [c, null])),
    );
    expect(() => resolveColumns(header, map)).toThrow(/no identifier column/);
  });

  it('rejects unknown keys in a column map', () => {
    expect(() => parseColumnMap({ mail: 'x' })).toThrow(/Unknown column "mail"/);
    expect(() => parseColumnMap(['email'])).toThrow(ImportError);
  });
});
