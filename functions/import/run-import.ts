import { createReadStream } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Pepper } from '../core/identifier-hash';
import type { ExposureStore } from '../core/ports';
import { firstRecordEnd } from './csv-chunk-parser';
import { countLines, HEADER_SEARCH_BYTES, readHeader } from './csv-header';
import { DEFAULT_MAX_FILE_BYTES, type WrittenFile } from './dynamo-json-file-writer';
import type { ImportCheckpoint } from './import-checkpoint';
import { type ColumnMap, resolveColumns } from './import-columns';
import { ImportError } from './import-errors';
import { ImportWorkerPool } from './import-worker-pool';
import type { ChunkResult, TimeSplitNs } from './import-worker-protocol';
import { mergeWithExistingRecords } from './merge-existing-records';
import { OrderedCommits, type RecordWriter, writerCounts } from './ordered-commits';
import { type RecordChunk, RecordChunker } from './record-chunker';
import { RejectsFile } from './rejects-file';
import { type ImportManifest, type ItemKey, S3FilesOutput } from './s3-files-output';

/*
 * The import pipeline (issue 3): stream the raw file → record-aligned chunks → worker threads (parse, normalise,
 * hash) → gzip files or a store; rejects to their own file; counts for the summary. Only hashed items leave it.
 */

export type ImportSink =
  | { kind: 's3-files'; outDir: string; maxFileBytes?: number }
  | { kind: 'store'; store: ExposureStore; mergeExisting?: boolean; writer?: RecordWriter };

export type { RecordWriter };

export interface ImportOptions {
  inputPath: string;
  columnMap?: ColumnMap;
  pepper: Pepper;
  breachId: string;
  customerNumberPattern: string;
  defaultPhoneRegion: string;
  sink: ImportSink;
  rejectsPath: string;
  workers?: number;
  /**
   * Bytes per chunk handed to a worker (default 128 KiB ≈ 1 000 rows of the default layout). Messaging costs little
   * at this size, and smaller chunks leave fewer survivors per young-generation GC (measured: less CPU and RSS than
   * 256 KiB).
   */
  chunkBytes?: number;
  /** Time split per step in `timing` (for the bench): one row in 64 is timed and scaled up (import-worker.ts). */
  measure?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Store targets: records what is safely written, and where a previous run stopped (import-checkpoint.ts). */
  checkpoint?: ImportCheckpoint;
}

export interface ImportProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
  /** Where this run started reading (a resumed run starts past 0): rates and ETA count only this run's part. */
  startBytes?: number;
  startRows?: number;
  itemsWritten?: number;
  retries?: number;
}

export interface ImportSummary {
  rows: number;
  identifiers: number;
  subjects: number;
  rejects: number;
  elapsedMs: number;
  rowsPerSecond: number;
  workers: number;
  manifest?: ImportManifest;
  /** Summed over the workers (thread time, not wall time). */
  timing: TimeSplitNs;
  /** Peak RSS of the process (main thread and workers share it), in kilobytes. */
  maxRssKb: number;
  /** Store targets with a writer: items stored (this run and the runs it resumed) and repeated requests. */
  itemsWritten?: number;
  retries?: number;
  /** Set when this run continued a checkpointed one: the line it started at. */
  resumedAtLine?: number;
  /** Keys of up to SAMPLE_SIZE items spread over the file (of this run's part), for `portal verify`. */
  sample?: ItemKey[];
}

const SAMPLE_SIZE = 25;

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  let totalBytes: number;
  try {
    totalBytes = (await stat(options.inputPath)).size;
  } catch (error) {
    throw new ImportError('input_unreadable', `Cannot read the input file (${(error as NodeJS.ErrnoException).code}).`);
  }
  const chunkBytes = options.chunkBytes ?? 128 << 10;
  const stream = createReadStream(options.inputPath, { highWaterMark: Math.min(chunkBytes, 1 << 20) });
  let input: FileHandle | undefined;
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;

  // The header decides everything else, so it is read and checked before any output exists.
  let head = Buffer.alloc(0);
  let headerInfo: { header: string[]; bodyStart: number } | undefined;
  let inputDone = false;
  try {
    while (!headerInfo) {
      const next = await iterator.next();
      if (next.done) inputDone = true;
      else head = Buffer.concat([head, next.value]);
      if (inputDone || head.length >= HEADER_SEARCH_BYTES || firstRecordEnd(head) !== -1) headerInfo = readHeader(head);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof ImportError) throw error;
    throw new ImportError('input_unreadable', `Cannot read the input file (${(error as NodeJS.ErrnoException).code}).`);
  }
  const { header, bodyStart } = headerInfo;
  const columns = resolveColumns(header, options.columnMap);
  const resumeFrom = options.checkpoint?.resumeFrom;

  const s3Output = options.sink.kind === 's3-files' ? await S3FilesOutput.prepare(options.sink.outDir) : undefined;
  const rejects = resumeFrom
    ? await RejectsFile.resume(options.rejectsPath, {
        partialPath: resumeFrom.rejectsPartialPath,
        bytes: resumeFrom.rejectsBytes,
        count: resumeFrom.rejects,
      })
    : RejectsFile.create(options.rejectsPath);
  const workerCount = options.workers ?? availableParallelism();
  const pool = await ImportWorkerPool.start(workerCount, (index) => ({
    pepper: new Uint8Array(options.pepper),
    breachId: options.breachId,
    customerNumberPattern: options.customerNumberPattern,
    defaultPhoneRegion: options.defaultPhoneRegion,
    header,
    columns,
    output: s3Output
      ? {
          kind: 's3-files',
          directory: s3Output.stagingDir,
          filePrefix: `part-${index + 1}`,
          maxFileBytes: options.sink.kind === 's3-files' ? (options.sink.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES) : 0,
        }
      : { kind: 'records' },
    measure: options.measure ?? false,
  }));

  const totals = {
    rows: resumeFrom?.rows ?? 0,
    identifiers: resumeFrom?.identifiers ?? 0,
    subjects: resumeFrom?.subjects ?? 0,
  };
  const startRows = totals.rows;
  const startBytes = resumeFrom?.offset ?? 0;
  let bytesRead = resumeFrom ? resumeFrom.offset : head.length;
  const store = options.sink.kind === 'store' ? options.sink.store : undefined;
  const writer = options.sink.kind === 'store' ? options.sink.writer : undefined;
  const mergeExisting = options.sink.kind === 'store' && options.sink.mergeExisting === true;
  const commits = new OrderedCommits((progress) => {
    const { itemsWritten = 0, retries = 0 } = writerCounts(writer, resumeFrom);
    // A checkpoint that cannot be written costs only the resume point, never data: the import goes on.
    options.checkpoint?.update({ ...progress, itemsWritten, retries }).catch(() => {});
  });
  // Reservoir sampling over chunks: every chunk's first item has the same chance, whatever the file size.
  const sample: ItemKey[] = [];
  let sampled = 0;
  const handle = async (result: ChunkResult, chunk: ChunkBounds) => {
    if (result.sampleKey) {
      const slot = sampled < SAMPLE_SIZE ? sampled : Math.floor(Math.random() * (sampled + 1));
      if (slot < SAMPLE_SIZE) sample[slot] = result.sampleKey;
      sampled++;
    }
    totals.rows += result.rows;
    totals.identifiers += result.identifiers;
    totals.subjects += result.subjects;
    await rejects.add(result.rejects);
    let written: Promise<void> = Promise.resolve();
    if (store && result.records && result.records.length > 0) {
      const records = mergeExisting ? await mergeWithExistingRecords(store, result.records) : result.records;
      if (writer) written = writer.write(records);
      else await store.putRecords(records);
    }
    commits.add(written, {
      offset: chunk.endOffset,
      nextLine: chunk.nextLine,
      ...totals,
      rejects: rejects.count,
      rejectsPartialPath: rejects.partialPath,
      rejectsBytes: rejects.bytes,
    });
    if (writer) await writer.waitForRoom();
    options.onProgress?.({
      rows: totals.rows,
      bytesRead,
      totalBytes,
      elapsedMs: Date.now() - started,
      startBytes,
      startRows,
      ...writerCounts(writer, resumeFrom),
    });
  };
  // Results are taken in submission order (so rejects stay in line order) and at most this many are in flight.
  const maxInFlight = workerCount * 2;
  const inFlight: { result: Promise<ChunkResult>; bounds: ChunkBounds }[] = [];
  let offset = resumeFrom?.offset ?? bodyStart;
  const handleOldest = async () => {
    const oldest = inFlight.shift() as (typeof inFlight)[number];
    await handle(await oldest.result, oldest.bounds);
  };
  const submit = async (chunks: RecordChunk[]) => {
    for (const chunk of chunks) {
      offset += chunk.bytes.length; // before the bytes move to a worker
      const result = pool.submit(chunk);
      result.catch(() => {}); // observed below, in order; this only keeps an early failure from going unhandled
      inFlight.push({ result, bounds: { endOffset: offset, nextLine: chunk.nextLine } });
      while (inFlight.length >= maxInFlight) await handleOldest();
    }
  };

  try {
    // The body is read straight into the chunker's buffer, from where the previous run stopped or after the header
    // (read and checked above; those few bytes are read again).
    stream.destroy();
    const firstLine = resumeFrom ? resumeFrom.nextLine : 1 + countLines(head.subarray(0, bodyStart));
    const chunker = new RecordChunker(chunkBytes, 8 << 20, firstLine);
    input = await open(options.inputPath);
    bytesRead = offset;
    for (;;) {
      const space = chunker.space();
      const { bytesRead: read } = await input.read(space, 0, space.length, bytesRead);
      if (read === 0) break;
      bytesRead += read;
      await submit(chunker.filled(read));
    }
    await submit(chunker.end());
    while (inFlight.length > 0) await handleOldest();
    await commits.settled();
    const summaries = await pool.finish();
    await rejects.complete();
    await options.checkpoint?.remove();
    const files: WrittenFile[] = summaries.flatMap((summary) => summary.files);
    const manifest = await s3Output?.commit(files, {
      format: 'DYNAMODB_JSON',
      compression: 'GZIP',
      table: 'exposures',
      breachId: options.breachId,
      completedAt: new Date().toISOString(),
      rows: totals.rows,
      items: totals.identifiers,
      subjects: totals.subjects,
      rejects: rejects.count,
      sample,
    });
    const elapsedMs = Date.now() - started;
    const timing: TimeSplitNs = { parse: 0, normalise: 0, hash: 0, serialise: 0, write: 0 };
    for (const summary of summaries) {
      for (const key of Object.keys(timing) as (keyof TimeSplitNs)[]) timing[key] += summary.timing[key];
    }
    return {
      ...totals,
      rejects: rejects.count,
      elapsedMs,
      rowsPerSecond: (totals.rows - startRows) / Math.max(elapsedMs / 1000, 0.001),
      workers: workerCount,
      manifest,
      timing,
      maxRssKb: Math.max(process.resourceUsage().maxRSS, ...summaries.map((summary) => summary.maxRssKb)),
      ...writerCounts(writer, resumeFrom),
      resumedAtLine: resumeFrom?.nextLine,
      sample,
    };
  } catch (error) {
    if (options.checkpoint) {
      // What was confirmed written is recorded; the partial rejects file goes with it, for the re-run.
      await commits.settled().catch(() => {});
      await options.checkpoint.flush();
      await rejects.keep();
    } else {
      await rejects.abandon();
    }
    await s3Output?.abandon();
    if (error instanceof ImportError) throw error;
    if ((error as Error).name === 'ImportWorkerError') throw new ImportError('worker_failed', (error as Error).message);
    throw error;
  } finally {
    stream.destroy();
    await input?.close();
    await pool.terminate();
  }
}

interface ChunkBounds {
  /** Byte offset in the input just past the chunk (a record boundary). */
  endOffset: number;
  nextLine: number;
}
