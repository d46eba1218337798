import { type Field, sortFieldsByRisk } from '../core/fields';
import type { ExposureRecord } from '../core/ports';
import { ExposureItemJsonBuffer } from './exposure-item-json';

/*
 * The s3-files output of one chunk: each row's items are written as DynamoDB JSON lines the moment the row is hashed,
 * so nothing of a row outlives it but its subject id (for the duplicate check below) and its bytes in an external
 * Buffer. Keeping every row's records until the end of the chunk made V8 promote them all to the old generation, and
 * the workers spent about a third of their time in mark-compact collections (docs/performance.md → Import).
 *
 * Duplicate rows of one subject within a chunk become one item per identifier, with their field sets merged (the
 * rule of the records output in import-worker.ts). Rare, so done the simple way: the subject's earlier lines are
 * dropped and all its items are written again with the merged fields. Item order within a file carries no meaning.
 */

const ITEM_HASH_OFFSET = '{"Item":{"identifierHash":{"S":"'.length;
const QUOTE = 0x22;
const LINE_FEED = 0x0a;

export interface ChunkItems {
  lines: Buffer;
  items: number;
  /** Rows that produced at least one item. */
  subjects: number;
  sampleKey?: { identifierHash: string; recordKey: string };
}

export class ChunkItemLines {
  private readonly out = new ExposureItemJsonBuffer();
  private readonly subjectIndex = new Map<string, number>();
  // Per subject of the chunk, by index: where its lines are and the fields they carry (parallel arrays, no objects).
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly fields: (readonly Field[])[] = [];
  private dropped: [number, number][] = [];
  private items = 0;
  private subjects = 0;
  private sampleKey: ChunkItems['sampleKey'];

  /** The items of one row (all of one subject, as the row hasher returns them). */
  add(records: readonly ExposureRecord[]): void {
    const first = records[0];
    if (!first) return;
    this.subjects++;
    this.sampleKey ??= { identifierHash: first.identifierHash, recordKey: `${first.breachId}#${first.subjectId}` };
    const index = this.subjectIndex.get(first.subjectId);
    if (index === undefined) {
      this.subjectIndex.set(first.subjectId, this.starts.length);
      this.starts.push(this.out.size);
      this.out.appendItems(records);
      this.ends.push(this.out.size);
      this.fields.push(first.fields);
      this.items += records.length;
      return;
    }
    const hashes = this.hashesOf(index);
    for (const { identifierHash } of records) {
      if (!hashes.includes(identifierHash)) {
        hashes.push(identifierHash);
        this.items++;
      }
    }
    const fields = sortFieldsByRisk([...(this.fields[index] ?? []), ...first.fields]);
    this.dropped.push([this.starts[index] as number, this.ends[index] as number]);
    this.starts[index] = this.out.size;
    for (const identifierHash of hashes) {
      this.out.append({ identifierHash, breachId: first.breachId, subjectId: first.subjectId, fields });
    }
    this.ends[index] = this.out.size;
    this.fields[index] = fields;
  }

  /** The chunk's lines and counts; starts the next chunk. */
  take(): ChunkItems {
    const result: ChunkItems = {
      lines: this.out.take(this.dropped.sort((a, b) => a[0] - b[0])),
      items: this.items,
      subjects: this.subjects,
    };
    if (this.sampleKey) result.sampleKey = this.sampleKey;
    this.reset();
    return result;
  }

  /** Gives back the `lines` of an earlier take once nothing reads them any more. */
  recycle(taken: ChunkItems): void {
    this.out.recycle(taken.lines);
  }

  /** Forgets the chunk so far (its rows are about to be done again another way). */
  reset(): void {
    this.out.truncate(0);
    this.subjectIndex.clear();
    this.starts.length = 0;
    this.ends.length = 0;
    this.fields.length = 0;
    this.dropped = [];
    this.items = 0;
    this.subjects = 0;
    this.sampleKey = undefined;
  }

  /** The identifier hashes of a subject's lines, read back from the bytes (each line starts with its hash). */
  private hashesOf(index: number): string[] {
    const bytes = this.out.view(this.starts[index] as number, this.ends[index] as number);
    const hashes: string[] = [];
    for (let line = 0; line < bytes.length; line = bytes.indexOf(LINE_FEED, line) + 1) {
      const start = line + ITEM_HASH_OFFSET;
      hashes.push(bytes.toString('latin1', start, bytes.indexOf(QUOTE, start)));
    }
    return hashes;
  }
}
