/*
 * Cuts the byte stream of a CSV file into chunks that end on a record boundary, so worker threads can parse chunks
 * independently (parsing is a third of the work: doing it on one thread would cap the import at one core).
 * A newline only ends a record outside a quoted field; a quote opens a quoted field only at the start of a field,
 * and `""` inside one is an escaped quote — the same rules csv-parse applies, so both agree where records end.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Index just past the last newline that ends a record, or -1 if the buffer holds no complete record. */
export function lastRecordEnd(buffer: Uint8Array): number {
  let inQuotes = false;
  let lastEnd = -1;
  let position = 0;
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  for (;;) {
    const quote = bytes.indexOf(QUOTE, position);
    const segmentEnd = quote === -1 ? bytes.length : quote;
    if (!inQuotes && segmentEnd > position) {
      const newline = bytes.lastIndexOf(LF, segmentEnd - 1);
      if (newline >= position) lastEnd = newline + 1;
    }
    if (quote === -1) return lastEnd;
    if (inQuotes) {
      if (bytes[quote + 1] === QUOTE) {
        position = quote + 2;
        continue;
      }
      inQuotes = false;
    } else {
      const previous = quote === 0 ? LF : bytes[quote - 1];
      if (previous === COMMA || previous === LF || previous === CR) inQuotes = true;
    }
    position = quote + 1;
  }
}

export function countNewlines(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  let position = buffer.indexOf(LF);
  while (position !== -1) {
    count++;
    position = buffer.indexOf(LF, position + 1);
  }
  return count;
}

export interface RecordChunk {
  /** Physical line number (1-based) of the chunk's first byte. */
  firstLine: number;
  /** Physical line number just after the chunk (where the next one starts). */
  nextLine: number;
  /** A view of an ArrayBuffer of its own: handed to a worker, it moves there (import-worker-pool.ts). */
  bytes: Buffer;
}

/**
 * Feed it the file's bytes in any slices — or let it be read into (`space`, then `filled`) — and it hands back chunks
 * of about `targetBytes` that end on record boundaries. Every chunk is a view of an ArrayBuffer of its own
 * (`allocUnsafeSlow`, never the shared pool), so the worker pool can transfer it instead of copying it, and the bytes
 * are written once: no slices concatenated per chunk (the main thread's garbage, docs/performance.md → Import).
 * A quoted field that never closes would otherwise grow the buffer without bound: past `maxRecordBytes` the data is
 * cut at its last newline regardless, and the parser rejects the unterminated record.
 */
export class RecordChunker {
  private buffer: Buffer;
  private length = 0;
  private nextLine: number;

  constructor(
    private readonly targetBytes = 1 << 20,
    private readonly maxRecordBytes = 8 << 20,
    firstLine = 1,
  ) {
    this.nextLine = firstLine;
    this.buffer = Buffer.allocUnsafeSlow(targetBytes);
  }

  push(data: Buffer): RecordChunk[] {
    this.reserve(data.length);
    data.copy(this.buffer, this.length);
    return this.filled(data.length);
  }

  /** Where to read the next bytes: up to the chunk's target size, or 64 KiB more while a record is longer. */
  space(): Buffer {
    this.reserve(Math.max(this.targetBytes - this.length, MIN_READ_BYTES));
    return this.buffer.subarray(this.length);
  }

  /** `bytes` more were written at the start of `space()`. */
  filled(bytes: number): RecordChunk[] {
    this.length += bytes;
    if (this.length < this.targetBytes) return [];
    const buffer = this.buffer.subarray(0, this.length);
    let end = lastRecordEnd(buffer);
    if (end <= 0 && buffer.length >= this.maxRecordBytes) end = buffer.lastIndexOf(LF) + 1;
    if (end <= 0) return [];
    const rest = this.length - end;
    this.buffer = Buffer.allocUnsafeSlow(Math.max(this.targetBytes, rest + MIN_READ_BYTES));
    buffer.copy(this.buffer, 0, end);
    this.length = rest;
    return [this.take(buffer.subarray(0, end))];
  }

  /** What is left at the end of the input (a last record without a trailing newline, or nothing). */
  end(): RecordChunk[] {
    const buffer = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafeSlow(0);
    this.length = 0;
    return buffer.length > 0 ? [this.take(buffer)] : [];
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.length + bytes, 2 * this.buffer.length));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  private take(bytes: Buffer): RecordChunk {
    const firstLine = this.nextLine;
    this.nextLine += countNewlines(bytes);
    return { firstLine, nextLine: this.nextLine, bytes };
  }
}

const MIN_READ_BYTES = 64 << 10;
