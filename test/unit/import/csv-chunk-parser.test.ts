import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import {
  type MalformedRecord,
  NOT_BLANK,
  type ParsedRecord,
  parseCsvChunk,
  streamCsvChunk,
} from '../../../functions/import/csv-chunk-parser';

/*
 * parseCsvChunk splits quote-free lines itself and leaves only quoted records to csv-parse. Every record, field,
 * line number and malformed-record reject must be what parsing the whole chunk with csv-parse gave before: the
 * reference below is that implementation, verbatim. Chunks are generated from well-formed and broken CSV alike.
 */

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

function firstRecordEnd(buffer: Buffer): number {
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

function referenceParseCsvChunk(bytes: Uint8Array, firstLine: number) {
  const records: ParsedRecord[] = [];
  const malformed: MalformedRecord[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    numberRecords(parse(buffer, CSV_OPTIONS) as string[][], firstLine, records);
    return { records, malformed };
  } catch {
    records.length = 0;
  }
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

const rawField = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '😀', ' ', ',', '"', '\n', '0'), maxLength: 6 });
const cleanField = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '0', '+', '@', '.'), maxLength: 8 });
// Quoted as a well-behaved writer would (quotes doubled), or written raw: raw fields with quotes make broken CSV.
const field = fc.oneof(
  { weight: 6, arbitrary: cleanField },
  { weight: 2, arbitrary: rawField.map((text) => `"${text.replaceAll('"', '""')}"`) },
  { weight: 1, arbitrary: rawField },
);
const record = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) => fields.join(','));
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\r\n');
const chunk = fc
  .tuple(fc.array(fc.tuple(record, lineEnd), { maxLength: 12 }), fc.boolean())
  .map(([records, trailingNewline]) => {
    const text = records.map(([line, end]) => line + end).join('');
    return trailingNewline ? text : text.replace(/\r?\n$/, '');
  });

describe('parseCsvChunk', () => {
  it('gives exactly what csv-parse on the whole chunk gave, for well-formed and broken chunks', () => {
    fc.assert(
      fc.property(chunk, fc.integer({ min: 1, max: 1000 }), (text, firstLine) => {
        const bytes = new Uint8Array(Buffer.from(text));
        expect(parseCsvChunk(bytes, firstLine)).toEqual(referenceParseCsvChunk(bytes, firstLine));
      }),
      { seed: 20261126, numRuns: 5000 },
    );
  });

  it('streams the same records one at a time, or declines the chunks that need csv-parse', () => {
    let streamed = 0;
    fc.assert(
      fc.property(chunk, fc.integer({ min: 1, max: 1000 }), (text, firstLine) => {
        const bytes = new Uint8Array(Buffer.from(text));
        const records: ParsedRecord[] = [];
        const reference = referenceParseCsvChunk(bytes, firstLine);
        if (streamCsvChunk(bytes, firstLine, (fields, line) => records.push({ line, fields: [...fields] }))) {
          streamed++;
          expect({ records, malformed: [] }).toEqual(reference);
        } else {
          expect(text.includes('"') || text.includes('\r')).toBe(true);
        }
      }),
      { seed: 20261130, numRuns: 3000 },
    );
    expect(streamed).toBeGreaterThan(1000);
  });

  it('with fullColumns, gives the full columns verbatim and every other one with its blankness, on the same lines', () => {
    let standIns = 0;
    fc.assert(
      fc.property(chunk, fc.integer({ min: 1, max: 1000 }), fc.array(fc.boolean()), (text, firstLine, fullColumns) => {
        const bytes = new Uint8Array(Buffer.from(text));
        const reference: ParsedRecord[] = [];
        const records: ParsedRecord[] = [];
        const streamedAll = streamCsvChunk(bytes, firstLine, (fields, line) =>
          reference.push({ line, fields: [...fields] }),
        );
        const streamedSome = streamCsvChunk(
          bytes,
          firstLine,
          (fields, line) => records.push({ line, fields: [...fields] }),
          fullColumns,
        );
        expect(streamedSome).toBe(streamedAll);
        if (!streamedAll) return;
        expect(records.map(({ line, fields }) => [line, fields.length])).toEqual(
          reference.map(({ line, fields }) => [line, fields.length]),
        );
        records.forEach(({ fields }, row) => {
          fields.forEach((field, column) => {
            const original = (reference[row] as ParsedRecord).fields[column] as string;
            if (field === original) return;
            standIns++;
            expect(fullColumns[column]).not.toBe(true);
            expect(field).toBe(NOT_BLANK);
            expect(original.trim()).not.toBe('');
          });
        });
      }),
      { seed: 20261201, numRuns: 3000 },
    );
    expect(standIns).toBeGreaterThan(100);
  });

  it.each([
    [
      'plain lines',
      'a,b,c\nd,e\n',
      [
        { line: 7, fields: ['a', 'b', 'c'] },
        { line: 8, fields: ['d', 'e'] },
      ],
    ],
    [
      'a blank line counted but skipped',
      'a\n\nb',
      [
        { line: 7, fields: ['a'] },
        { line: 9, fields: ['b'] },
      ],
    ],
    [
      'a quoted newline and comma',
      'x,"1\n2,3"\ny\n',
      [
        { line: 7, fields: ['x', '1\n2,3'] },
        { line: 9, fields: ['y'] },
      ],
    ],
    ['escaped quotes', '"a""b",c\n', [{ line: 7, fields: ['a"b', 'c'] }]],
  ])('parses %s', (_, text, expected) => {
    expect(parseCsvChunk(new Uint8Array(Buffer.from(text)), 7)).toEqual({ records: expected, malformed: [] });
  });

  it('rejects only the broken record, at its line', () => {
    expect(parseCsvChunk(new Uint8Array(Buffer.from('a,b\nc,"d\n')), 1)).toEqual({
      records: [{ line: 1, fields: ['a', 'b'] }],
      malformed: [{ line: 2, reason: 'malformed_csv' }],
    });
  });
});
