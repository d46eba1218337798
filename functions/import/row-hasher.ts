import type { KeyObject } from 'node:crypto';
import { PortalError } from '../core/errors';
import { FIELDS, type Field, IDENTIFIER_TYPES, type IdentifierType } from '../core/fields';
import { HASH_SCHEME_VERSION } from '../core/identifier-hash';
import { normaliseIdentifier } from '../core/identifiers';
import type { ExposureRecord } from '../core/ports';
import { type ColumnIndexes, DEFAULT_COLUMNS, FIELD_OF_COLUMN, IDENTIFIER_COLUMNS } from './import-columns';
import { PepperHmac } from './pepper-hmac';

/*
 * One CSV record → the hashed items it yields, plus reject entries. The rules (docs/import.md):
 * - a data class counts as exposed when one of its columns is non-empty, whether or not the value is valid;
 * - each identifier column (customer_number, email, mobile) that is non-empty is normalised by the core; a valid one
 *   yields one item, an invalid one yields a reject entry (line, column, reason code) while the row's other
 *   identifiers still count;
 * - a row with no valid identifier yields no items and one `no_identifier` reject;
 * - a row whose field count differs from the header is rejected whole (`column_count`): its columns cannot be trusted.
 * Reject entries never hold the value itself: it is someone's personal data.
 */

export interface RejectEntry {
  line: number;
  /** The header name as it appears in the input file ('' for a whole-row reject). */
  column: string;
  reason: string;
}

export interface TimeSplit {
  normaliseNs: number;
  hashNs: number;
}

export interface RowHasherOptions {
  pepperKey: KeyObject;
  breachId: string;
  customerNumberPattern: string;
  defaultPhoneRegion: string;
  columns: ColumnIndexes;
  header: readonly string[];
  /**
   * The s3-files output writes a row's items before it hashes the next row: it may get one outcome, record list and
   * record objects refilled for every row (five objects less per row for the worker's GC). Callers that keep records
   * (the records output) leave this off.
   */
  reuseRecords?: boolean;
}

export interface RowOutcome {
  records: ExposureRecord[];
  rejects: RejectEntry[];
}

export type RowHasher = (record: readonly string[], line: number, timing?: TimeSplit) => RowOutcome;

const SUBJECT_DOMAIN = `${HASH_SCHEME_VERSION}|subject|`;
/** What hashIdentifier puts before the normalised value, per type. */
const HASH_PREFIX = Object.fromEntries(
  IDENTIFIER_TYPES.map((type) => [type, `${HASH_SCHEME_VERSION}|${type}|`]),
) as Record<IdentifierType, string>;

/** Shared by every row without rejects; callers only read it (the worker copies entries out). */
const NO_REJECTS: RejectEntry[] = [];

/** Same answer as `value.trim() === ''`, without allocating for the common case of a value starting with a letter. */
function isBlank(value: string | undefined): boolean {
  if (value === undefined || value.length === 0) return true;
  return value.charCodeAt(0) > 0x20 && value.charCodeAt(0) < 0x7f ? false : value.trim() === '';
}

/**
 * Per column of the header: true where the hasher reads the text (the identifier columns); it only asks whether the
 * others are blank, so a parser may hand it a stand-in for them (csv-chunk-parser.ts, NOT_BLANK).
 */
export function columnsReadInFull(columns: ColumnIndexes, header: readonly string[]): boolean[] {
  const identifierIndexes = new Set(IDENTIFIER_COLUMNS.map(({ column }) => columns[column]));
  return header.map((_, index) => identifierIndexes.has(index));
}

export function createRowHasher(options: RowHasherOptions): RowHasher {
  const { breachId, columns, header } = options;
  // The same digests as hashIdentifier (core/identifier-hash.ts), at less than half the CPU (pepper-hmac.ts).
  const hmac = new PepperHmac(options.pepperKey);
  const hashOf = (type: IdentifierType, normalised: string) => hmac.digest(HASH_PREFIX[type], normalised);
  const normaliseOptions = {
    customerNumberPattern: options.customerNumberPattern,
    defaultPhoneRegion: options.defaultPhoneRegion,
  };
  // Data classes as a bit mask per column, and one frozen, risk-sorted field list per mask: no sorting per row.
  const fieldColumns = DEFAULT_COLUMNS.filter((column) => columns[column] >= 0).map((column) => ({
    index: columns[column],
    bit: 1 << FIELDS.indexOf(FIELD_OF_COLUMN[column]),
  }));
  const fieldListByMask = new Map<number, Field[]>();
  const fieldsOf = (mask: number): Field[] => {
    let fields = fieldListByMask.get(mask);
    if (!fields) {
      fields = FIELDS.filter((_, index) => (mask & (1 << index)) !== 0);
      fieldListByMask.set(mask, fields);
    }
    return fields;
  };
  const identifierColumns = IDENTIFIER_COLUMNS.filter(({ column }) => columns[column] >= 0).map(({ column, type }) => ({
    index: columns[column],
    type,
    name: header[columns[column]] ?? column,
  }));
  const expectedLength = header.length;
  const normalisedTypes: IdentifierType[] = [];
  const normalisedValues: string[] = [];
  // reuseRecords: the list handed out for every row, and the record objects it points at (kept apart, so a row with
  // fewer items than the one before shortens the list without dropping the objects).
  const reusedRecords: ExposureRecord[] = [];
  const recordPool: ExposureRecord[] = [];
  const reusedOutcome: RowOutcome = { records: reusedRecords, rejects: NO_REJECTS };
  const recordAt = (
    records: ExposureRecord[],
    position: number,
    identifierHash: string,
    subjectId: string,
    fields: Field[],
  ) => {
    const pooled = records === reusedRecords ? recordPool[position] : undefined;
    if (!pooled) {
      records[position] = { identifierHash, breachId, subjectId, fields };
      if (records === reusedRecords) recordPool[position] = records[position] as ExposureRecord;
      return;
    }
    pooled.identifierHash = identifierHash;
    pooled.subjectId = subjectId;
    pooled.fields = fields;
    records[position] = pooled;
  };

  return (record, line, timing) => {
    if (record.length !== expectedLength) {
      return { records: [], rejects: [{ line, column: '', reason: 'column_count' }] };
    }
    let mask = 0;
    for (const { index, bit } of fieldColumns) {
      if (!isBlank(record[index])) mask |= bit;
    }

    // Per-row garbage is what the workers' GC spends its time on (docs/performance.md → Import): the normalised
    // values go into two arrays reused for every row, and a row without rejects shares one empty list.
    let rejects: RejectEntry[] = NO_REJECTS;
    let count = 0;
    let started = timing ? process.hrtime.bigint() : 0n;
    for (const { index, type, name } of identifierColumns) {
      const raw = record[index] ?? '';
      if (isBlank(raw)) continue;
      try {
        normalisedValues[count] = normaliseIdentifier(type, raw, normaliseOptions);
        normalisedTypes[count] = type;
        count++;
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;
        if (rejects === NO_REJECTS) rejects = [];
        rejects.push({ line, column: name, reason: error.code });
      }
    }
    if (timing) {
      const now = process.hrtime.bigint();
      timing.normaliseNs += Number(now - started);
      started = now;
    }
    if (count === 0) {
      if (rejects === NO_REJECTS) rejects = [];
      rejects.push({ line, column: '', reason: 'no_identifier' });
      return { records: [], rejects };
    }

    const firstHash = hashOf(normalisedTypes[0] as IdentifierType, normalisedValues[0] as string);
    // The customer number names the record; without one, a keyed hash of the other identifiers does, so the same
    // row gets the same subject on every re-import.
    let subjectId = firstHash;
    if (normalisedTypes[0] !== 'customerNumber') {
      let subjectInput = SUBJECT_DOMAIN;
      for (let position = 0; position < count; position++) {
        subjectInput += `${position > 0 ? '|' : ''}${normalisedTypes[position]}=${normalisedValues[position]}`;
      }
      subjectId = hmac.digest(subjectInput, '');
    }
    const fields = fieldsOf(mask);
    const records: ExposureRecord[] = options.reuseRecords ? reusedRecords : [];
    recordAt(records, 0, firstHash, subjectId, fields);
    for (let position = 1; position < count; position++) {
      const identifierHash = hashOf(normalisedTypes[position] as IdentifierType, normalisedValues[position] as string);
      recordAt(records, position, identifierHash, subjectId, fields);
    }
    records.length = count;
    if (timing) timing.hashNs += Number(process.hrtime.bigint() - started);
    if (!options.reuseRecords) return { records, rejects };
    reusedOutcome.rejects = rejects;
    return reusedOutcome;
  };
}
