import type { ExposureRecord } from '../core/ports';

/*
 * One exposure item as a line of DynamoDB JSON, the format ImportTable reads ({"Item":{…}} per line). The attribute
 * layout is the exposures item model of DynamoDbExposureStore (recordKey = breachId#subjectId, fields as a list), so a
 * table created from these files reads exactly like one written through the store.
 * Every value is a base64url hash, a breach id ([a-z0-9-]) or a field name, none of which needs JSON escaping: the
 * line is built by concatenation, which is several times faster than JSON.stringify on millions of items.
 * The record key is spelled out here rather than imported from the adapter: that import would load the AWS SDK into
 * every worker thread (~20 MB each) for one template string. A unit test holds the two equal.
 */

const fieldListJson = new Map<readonly string[], string>();

function fieldsJson(fields: readonly string[]): string {
  let json = fieldListJson.get(fields);
  if (json === undefined) {
    json = `{"L":[${fields.map((field) => `{"S":"${field}"}`).join(',')}]}`;
    // Field lists are shared per data-class mask (see row-hasher), so this map stays at most a few hundred entries.
    if (fieldListJson.size < 4096) fieldListJson.set(fields, json);
  }
  return json;
}

export function exposureItemJsonLine(record: ExposureRecord): string {
  return (
    `{"Item":{"identifierHash":{"S":"${record.identifierHash}"},"recordKey":{"S":"${record.breachId}#${record.subjectId}"},` +
    `"breachId":{"S":"${record.breachId}"},"subjectId":{"S":"${record.subjectId}"},"fields":${fieldsJson(record.fields)}}}\n`
  );
}

const ascii = (text: string) => Buffer.from(text, 'latin1');
const ITEM_START = ascii('{"Item":{"identifierHash":{"S":"');
/** Per field list: everything after the second subject id. */
const fieldListTail = new Map<readonly string[], Buffer>();

/*
 * The same lines written straight into bytes, for the s3-files target. Building one string per item and then one
 * string per chunk left ~2 copies of the output as garbage that outlived the young generation (a chunk's lines lived
 * until the chunk was done), and the gzip stream then encoded the string once more. Here each chunk fills one Buffer,
 * which is handed to gzip as it is (no copy) — so `take()` cannot reuse it at once: gzip still reads it after
 * write() returns (see `recycle`).
 * All values are ASCII (see above), so one char is one byte.
 */
export class ExposureItemJsonBuffer {
  private bytes: Buffer;
  private length = 0;
  private spare: Buffer | undefined;
  // The parts around the subject id that depend on the breach id only (one per import), built once.
  private breachId: string | undefined;
  private afterHash = Buffer.alloc(0);
  private afterRecordKey = Buffer.alloc(0);

  constructor(private capacity = 1 << 20) {
    // Never from Node's shared pool: a Buffer given back through `recycle` is reused whole.
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  append(record: ExposureRecord): void {
    this.appendItems([record]);
  }

  /**
   * Items that differ only in their identifier hash (one row's items: same breach, subject and fields). Every byte
   * after the hash is the same in each, so it is written once and copied: a handful of copies per item instead of
   * a dozen small writes.
   */
  appendItems(records: readonly ExposureRecord[]): void {
    const first = records[0];
    if (!first) return;
    const { breachId, subjectId, fields } = first;
    let tail = fieldListTail.get(fields);
    if (tail === undefined) {
      tail = ascii(`"},"fields":${fieldsJson(fields)}}}\n`);
      if (fieldListTail.size < 4096) fieldListTail.set(fields, tail);
    }
    if (breachId !== this.breachId) {
      this.breachId = breachId;
      this.afterHash = ascii(`"},"recordKey":{"S":"${breachId}#`);
      this.afterRecordKey = ascii(`"},"breachId":{"S":"${breachId}"},"subjectId":{"S":"`);
    }
    const afterHashBytes = this.afterHash.length + this.afterRecordKey.length + 2 * subjectId.length + tail.length;
    let hashBytes = 0;
    for (const { identifierHash } of records) hashBytes += ITEM_START.length + identifierHash.length;
    this.reserve(hashBytes + records.length * afterHashBytes);
    this.copy(ITEM_START);
    this.text(first.identifierHash);
    const sharedStart = this.length;
    this.copy(this.afterHash);
    this.text(subjectId);
    this.copy(this.afterRecordKey);
    this.text(subjectId);
    this.copy(tail);
    for (let index = 1; index < records.length; index++) {
      this.copy(ITEM_START);
      this.text((records[index] as ExposureRecord).identifierHash);
      this.bytes.copyWithin(this.length, sharedStart, sharedStart + afterHashBytes);
      this.length += afterHashBytes;
    }
  }

  /** Bytes appended since the last take. */
  get size(): number {
    return this.length;
  }

  /** Drops what was appended after `size` bytes. */
  truncate(size: number): void {
    this.length = Math.min(this.length, size);
  }

  /** A view of appended bytes (valid until the next take). */
  view(start: number, end: number): Buffer {
    return this.bytes.subarray(start, Math.min(end, this.length));
  }

  /**
   * The lines appended since the last take, leaving out the `dropped` byte ranges (sorted, disjoint, whole lines).
   * The next lines go into the Buffer given back through `recycle`, or else a fresh one of about the same size.
   */
  take(dropped: readonly (readonly [number, number])[] = []): Buffer {
    if (dropped.length > 0) {
      // Rare (a subject repeated within the chunk): copy the kept lines out and go on in the same Buffer.
      const kept = Buffer.allocUnsafeSlow(this.length - dropped.reduce((sum, [start, end]) => sum + end - start, 0));
      let from = 0;
      let to = 0;
      for (const [start, end] of dropped) {
        to += this.bytes.copy(kept, to, from, start);
        from = end;
      }
      this.bytes.copy(kept, to, from, this.length);
      this.length = 0;
      return kept;
    }
    const filled = this.bytes.subarray(0, this.length);
    this.capacity = Math.max(this.capacity, this.length + (this.length >> 3));
    const spare = this.spare;
    this.spare = undefined;
    this.bytes = spare && spare.length >= this.capacity ? spare : Buffer.allocUnsafeSlow(this.capacity);
    this.length = 0;
    return filled;
  }

  /**
   * Hands back a Buffer from `take` once nothing reads it any more (gzip has consumed it). A fresh Buffer of a few
   * hundred KB per chunk counts towards V8's heap limits as external memory and set off a mark-compact every few
   * chunks; two Buffers taking turns do not.
   */
  recycle(taken: Buffer): void {
    if (taken.byteOffset === 0 && taken.buffer.byteLength >= this.capacity) this.spare = Buffer.from(taken.buffer);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.bytes.length) return;
    this.capacity = Math.max(2 * this.bytes.length, this.length + bytes);
    const grown = Buffer.allocUnsafeSlow(this.capacity);
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  private copy(piece: Buffer): void {
    this.bytes.set(piece, this.length);
    this.length += piece.length;
  }

  // A loop beats Buffer#write for strings this short (hashes are 43 chars): no call into C++ per value.
  private text(value: string): void {
    const { bytes } = this;
    let at = this.length;
    for (let index = 0; index < value.length; index++) bytes[at++] = value.charCodeAt(index);
    this.length = at;
  }
}
