import type { ExposureRecord } from '../core/ports';
import type { WrittenFile } from './dynamo-json-file-writer';
import type { ColumnIndexes } from './import-columns';
import type { RejectEntry } from './row-hasher';

/* The messages between the import's main thread and its worker threads (structured-cloned). */

export interface ImportWorkerSetup {
  /** Raw pepper bytes; the worker imports them as a KeyObject and never logs them. */
  pepper: Uint8Array;
  breachId: string;
  customerNumberPattern: string;
  defaultPhoneRegion: string;
  header: string[];
  columns: ColumnIndexes;
  /** s3-files: the worker writes gzip DynamoDB JSON itself; records: it sends records back for a store to write. */
  output: { kind: 's3-files'; directory: string; filePrefix: string; maxFileBytes: number } | { kind: 'records' };
  /** Measure the time split (costs a few clock reads per row). */
  measure: boolean;
}

export interface ChunkMessage {
  type: 'chunk';
  seq: number;
  firstLine: number;
  bytes: Uint8Array;
}

export interface FinishMessage {
  type: 'finish';
}

export type ToWorkerMessage = ChunkMessage | FinishMessage;

export interface ChunkResult {
  type: 'chunk-done';
  seq: number;
  rows: number;
  /** Items produced (one per valid identifier of a row). */
  identifiers: number;
  /** Rows that produced at least one item. */
  subjects: number;
  rejects: RejectEntry[];
  /** The key of the chunk's first item, for the manifest's sample (portal verify). */
  sampleKey?: { identifierHash: string; recordKey: string };
  /** Only for the `records` output. */
  records?: ExposureRecord[];
}

export interface TimeSplitNs {
  parse: number;
  normalise: number;
  hash: number;
  serialise: number;
  /** Handing lines to the gzip stream (the compression itself runs on libuv's thread pool). */
  write: number;
}

export interface WorkerSummary {
  type: 'finished';
  files: WrittenFile[];
  timing: TimeSplitNs;
  /** Peak resident set size of the whole process as this worker saw it, in kilobytes. */
  maxRssKb: number;
}

export interface WorkerFailure {
  type: 'failed';
  /** A message without input values (row data never reaches an error here). */
  message: string;
}

export type FromWorkerMessage = ChunkResult | WorkerSummary | WorkerFailure;
