import { parse } from 'csv-parse/sync';

/*
 * Parses one record-aligned chunk with csv-parse and numbers each record by the physical line it starts on (a
 * quoted field may hold newlines, so records and lines differ). A chunk that csv-parse refuses is parsed again
 * record by record, so one malformed record costs one reject instead of the chunk. csv-parse's error messages
 * quote the offending text: only its error code is ever kept.
 */

export interface ParsedRecord {
  line: number;
  fields: string[];
}

export interface MalformedRecord {
  line: number;
  reason: 'malformed_csv';
}

const CSV_OPTIONS = { relax_column_count: true, skip_empty_lines: false } as const;

function numberRecords(records: string[][], firstLine: number, into: ParsedRecord[]): number {
  let line = firstLine;
  for (const fields of records) {
    const isBlankLine = fields.length === 1 && fields[0] === '';
    if (!isBlankLine) into.push({ line, fields });
    line += 1;
    for (const field of fields) {
      if (field.includes('\n')) line += field.split('\n').length - 1;
    }
  }
  return line;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;

/*
 * Fast path (csv-parse was the import's costliest step after the HMACs, and a csv-parse call per record costs more
 * than it saves): well-formed RFC 4180 text without carriage returns, read in one pass. Fields are split at commas
 * and "\n"; a field that starts with a quote runs to its closing quote ("" is a quote) and must be followed by a
 * comma, "\n" or the end. Anything else (a stray or unclosed quote) returns undefined and the chunk goes down the
 * csv-parse paths, so errors and their line numbers stay exactly as they were. Splitting the decoded text equals
 * decoding each field: commas, quotes and newlines are ASCII and never part of a multi-byte character.
 * test/unit/import/csv-chunk-parser.test.ts checks that the result equals csv-parse's on generated chunks.
 */
/** A column the caller only tests for blankness gets this instead of its text when it is plainly not blank. */
export const NOT_BLANK = 'x';

/**
 * `reused`: one array refilled for every record (one allocation less per row), for callers done with it on return.
 * `fullColumns`: columns whose text the caller reads; any other unquoted field that starts with a printable ASCII
 * character (so is not blank) is given as NOT_BLANK, without a string of its own. `onRecord` also gets the newlines
 * inside the record's quoted fields.
 */
function forEachWellFormedRecord(
  text: string,
  onRecord: (fields: string[], quotedNewlines: number) => void,
  reused?: string[],
  fullColumns?: readonly boolean[],
): boolean {
  const length = text.length;
  let position = 0;
  while (position < length) {
    const fields: string[] = reused ?? [];
    fields.length = 0;
    let quotedNewlines = 0;
    for (;;) {
      if (text.charCodeAt(position) === QUOTE) {
        let value = '';
        let from = position + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) return false;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          position = close + 1;
          break;
        }
        if (value.includes('\n')) quotedNewlines += value.split('\n').length - 1;
        fields.push(value);
        if (position === length) break;
        const next = text.charCodeAt(position++);
        if (next === LINE_FEED) break;
        if (next !== COMMA) return false;
        continue;
      }
      let end = position;
      let code = 0;
      while (end < length) {
        code = text.charCodeAt(end);
        if (code === COMMA || code === LINE_FEED) break;
        if (code === QUOTE) return false;
        end++;
      }
      const first = text.charCodeAt(position);
      const textNeeded = fullColumns === undefined || fullColumns[fields.length] !== false;
      fields.push(
        textNeeded || end === position || first <= 0x20 || first >= 0x7f ? text.slice(position, end) : NOT_BLANK,
      );
      position = end + 1;
      if (end === length || code === LINE_FEED) break;
    }
    onRecord(fields, quotedNewlines);
  }
  return true;
}

function parseWellFormed(text: string): string[][] | undefined {
  const records: string[][] = [];
  return forEachWellFormedRecord(text, (fields) => records.push(fields)) ? records : undefined;
}

/**
 * The fast path one record at a time, numbered as parseCsvChunk numbers them: the import hashes each record as soon as
 * it is read, so a record's strings die young instead of living (and being promoted by V8's GC) for the whole chunk.
 * Returns false, possibly after some records, when the chunk needs the csv-parse paths: the caller then discards what
 * it did with those records and calls parseCsvChunk. `fields` is refilled for the next record: copy it to keep it.
 * With `fullColumns`, other columns may hold NOT_BLANK instead of their text (see forEachWellFormedRecord): for a
 * caller that only asks whether they are blank, ten strings less per row of the default layout.
 */
export function streamCsvChunk(
  bytes: Uint8Array,
  firstLine: number,
  onRecord: (fields: string[], line: number) => void,
  fullColumns?: readonly boolean[],
): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(CARRIAGE_RETURN)) return false;
  let line = firstLine;
  return forEachWellFormedRecord(
    buffer.toString('utf8'),
    (fields, quotedNewlines) => {
      const isBlankLine = fields.length === 1 && fields[0] === '';
      if (!isBlankLine) onRecord(fields, line);
      line += 1 + quotedNewlines;
    },
    [],
    fullColumns,
  );
}

export function parseCsvChunk(
  bytes: Uint8Array,
  firstLine: number,
): { records: ParsedRecord[]; malformed: MalformedRecord[] } {
  const records: ParsedRecord[] = [];
  const malformed: MalformedRecord[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wellFormed = buffer.includes(CARRIAGE_RETURN) ? undefined : parseWellFormed(buffer.toString('utf8'));
  if (wellFormed) {
    numberRecords(wellFormed, firstLine, records);
    return { records, malformed };
  }
  try {
    numberRecords(parse(buffer, CSV_OPTIONS) as string[][], firstLine, records);
    return { records, malformed };
  } catch {
    records.length = 0;
  }
  // Slow path, rare: one record at a time, resynchronising at each record boundary.
  let start = 0;
  let line = firstLine;
  while (start < buffer.length) {
    const rest = buffer.subarray(start);
    const firstEnd = firstRecordEnd(rest);
    const end = firstEnd === -1 ? rest.length : firstEnd;
    const recordBytes = rest.subarray(0, end);
    try {
      line = numberRecords(parse(recordBytes, CSV_OPTIONS) as string[][], line, records);
    } catch {
      malformed.push({ line, reason: 'malformed_csv' });
      for (const byte of recordBytes) if (byte === 0x0a) line++;
    }
    start += end;
  }
  return { records, malformed };
}

/** Index just past the first record of the buffer (the chunker's quote rules, one linear pass), or -1. */
export function firstRecordEnd(buffer: Buffer): number {
  let inQuotes = false;
  for (let index = 0; index < buffer.length; index++) {
    const byte = buffer[index];
    if (inQuotes) {
      if (byte === 0x22) {
        if (buffer[index + 1] === 0x22) index++;
        else inQuotes = false;
      }
    } else if (byte === 0x0a) {
      return index + 1;
    } else if (byte === 0x22) {
      const previous = index === 0 ? 0x0a : buffer[index - 1];
      if (previous === 0x2c || previous === 0x0a || previous === 0x0d) inQuotes = true;
    }
  }
  return -1;
}
