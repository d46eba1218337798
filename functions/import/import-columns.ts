import type { Field, IdentifierType } from '../core/fields';
import { ImportError } from './import-errors';

/*
 * The raw breach file's columns (DESIGN §3) and what each one means: which data class it exposes when non-empty,
 * and which identifier type it holds. A column mapping (`--map map.json`) renames them for files with other headers.
 */

export const DEFAULT_COLUMNS = [
  'customer_number',
  'full_name',
  'street',
  'house_number',
  'postal_code',
  'city',
  'mobile',
  'email',
  'iban',
  'date_of_birth',
  'id_document_type',
  'id_document_number',
  'id_document_valid_until',
] as const;

export type ImportColumn = (typeof DEFAULT_COLUMNS)[number];

/** A non-empty value in the column means this data class of the customer was exposed. */
export const FIELD_OF_COLUMN: Record<ImportColumn, Field> = {
  customer_number: 'customerNumber',
  full_name: 'fullName',
  street: 'address',
  house_number: 'address',
  postal_code: 'address',
  city: 'address',
  mobile: 'phone',
  email: 'email',
  iban: 'iban',
  date_of_birth: 'dateOfBirth',
  id_document_type: 'idDocumentNumber',
  id_document_number: 'idDocumentNumber',
  id_document_valid_until: 'idDocumentValidity',
};

/** The columns a customer can be looked up by, in the order they are hashed. */
export const IDENTIFIER_COLUMNS: readonly { column: ImportColumn; type: IdentifierType }[] = [
  { column: 'customer_number', type: 'customerNumber' },
  { column: 'email', type: 'email' },
  { column: 'mobile', type: 'phone' },
];

/**
 * `--map map.json`: `{ "<column above>": "<header in the file>" | null }`. Unlisted columns keep their default name;
 * `null` says the file does not have that column at all (its data class then never counts as exposed).
 */
export type ColumnMap = Partial<Record<ImportColumn, string | null>>;

/** Index of each column in a record, or -1 when the mapping says the file lacks it. */
export type ColumnIndexes = Record<ImportColumn, number>;

export class ColumnMappingError extends ImportError {
  constructor(message: string, code: 'missing_columns' | 'bad_column_map' = 'bad_column_map') {
    super(code, message);
  }
}

export function parseColumnMap(json: unknown): ColumnMap {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ColumnMappingError('The column map must be a JSON object: { "email": "E-mail address", … }');
  }
  const map: ColumnMap = {};
  for (const [key, value] of Object.entries(json)) {
    if (!(DEFAULT_COLUMNS as readonly string[]).includes(key)) {
      throw new ColumnMappingError(`Unknown column "${key}" in the column map; known: ${DEFAULT_COLUMNS.join(', ')}`);
    }
    if (value !== null && (typeof value !== 'string' || value.trim() === '')) {
      throw new ColumnMappingError(`The column map entry "${key}" must be a header name or null`);
    }
    map[key as ImportColumn] = value;
  }
  return map;
}

/**
 * Finds every mapped column in the header. Fails before any work when a mapped column is missing, when a header is
 * repeated, or when no identifier column is left: such a file would import nothing useful.
 */
export function resolveColumns(header: readonly string[], map: ColumnMap = {}): ColumnIndexes {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim();
    if (key !== '' && positions.has(key)) throw new ColumnMappingError(`The header repeats the column "${key}"`);
    positions.set(key, index);
  });
  const indexes = {} as ColumnIndexes;
  const missing: string[] = [];
  for (const column of DEFAULT_COLUMNS) {
    const wanted = map[column] === undefined ? column : map[column];
    if (wanted === null) {
      indexes[column] = -1;
      continue;
    }
    const index = positions.get(wanted.trim());
    if (index === undefined) missing.push(wanted === column ? column : `${wanted} (for ${column})`);
    indexes[column] = index ?? -1;
  }
  if (missing.length > 0) {
    throw new ColumnMappingError(
      `The input lacks required columns: ${missing.join(', ')}. Map other header names with --map, or map a column to null if the file has no such data.`,
      'missing_columns',
    );
  }
  if (IDENTIFIER_COLUMNS.every(({ column }) => indexes[column] < 0)) {
    throw new ColumnMappingError(
      'The input has no identifier column (customer_number, email or mobile).',
      'missing_columns',
    );
  }
  return indexes;
}
