import { parse } from 'csv-parse/sync';
import { firstRecordEnd } from './csv-chunk-parser';
import { ImportError } from './import-errors';

/* The raw file's header line: read and checked before any output exists, since it decides everything else. */

export const HEADER_SEARCH_BYTES = 1 << 20;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function readHeader(bytes: Buffer): { header: string[]; bodyStart: number } {
  const start = bytes.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  const probe = bytes.subarray(start, start + HEADER_SEARCH_BYTES);
  if (probe.includes(0)) throw new ImportError('not_csv', 'The input is not a CSV text file (it holds binary data).');
  const end = firstRecordEnd(probe);
  const headerBytes = end === -1 ? probe : probe.subarray(0, end);
  let rows: string[][];
  try {
    rows = parse(headerBytes, { relax_column_count: true }) as string[][];
  } catch {
    throw new ImportError('not_csv', 'The input is not a CSV file: its first line is not a valid CSV header.');
  }
  const header = rows[0];
  if (!header || header.length < 2) {
    throw new ImportError('not_csv', 'The input is not a CSV file with a header line of comma-separated column names.');
  }
  return { header: header.map((name) => name.trim()), bodyStart: start + (end === -1 ? probe.length : end) };
}

export function countLines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) count++;
  return count;
}
