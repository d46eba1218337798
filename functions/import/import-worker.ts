import { parentPort, workerData } from 'node:worker_threads';
import { sortFieldsByRisk } from '../core/fields';
import { createPepperKey } from '../core/identifier-hash';
import type { ExposureRecord } from '../core/ports';
import { ChunkItemLines } from './chunk-item-lines';
import { parseCsvChunk, streamCsvChunk } from './csv-chunk-parser';
import { DynamoJsonFileWriter } from './dynamo-json-file-writer';
import type {
  ChunkMessage,
  ChunkResult,
  FromWorkerMessage,
  ImportWorkerSetup,
  TimeSplitNs,
  ToWorkerMessage,
} from './import-worker-protocol';
import { columnsReadInFull, createRowHasher, type RejectEntry, type TimeSplit } from './row-hasher';

/*
 * One import worker thread: parse a chunk, normalise and hash its rows, and either write the items as gzip DynamoDB
 * JSON (s3-files) or send them back for a store to write. Chunks are handled one at a time, in arrival order.
 */

const setup = workerData as ImportWorkerSetup;
const port = parentPort;
if (!port) throw new Error('import-worker must run as a worker thread');

const hashRow = createRowHasher({
  pepperKey: createPepperKey(setup.pepper),
  breachId: setup.breachId,
  customerNumberPattern: setup.customerNumberPattern,
  defaultPhoneRegion: setup.defaultPhoneRegion,
  columns: setup.columns,
  header: setup.header,
  reuseRecords: setup.output.kind === 's3-files',
});
setup.pepper.fill(0);
const fullColumns = columnsReadInFull(setup.columns, setup.header);

const writer =
  setup.output.kind === 's3-files'
    ? new DynamoJsonFileWriter(setup.output.directory, setup.output.filePrefix, setup.output.maxFileBytes)
    : undefined;
const lines = new ChunkItemLines();
const timing: TimeSplitNs = { parse: 0, normalise: 0, hash: 0, serialise: 0, write: 0 };
const rowTiming: TimeSplit | undefined = setup.measure ? { normaliseNs: 0, hashNs: 0 } : undefined;
const clock = () => (setup.measure ? process.hrtime.bigint() : 0n);
/**
 * With `measure` on, one chunk in TIMED_EVERY has its rows' steps timed, scaled up by rows at the end; the hand-off to
 * gzip is timed for every chunk (once per chunk). Five clock reads for every row made the bench time more than the
 * operator runs. Whole chunks rather than single rows: a thread descheduled in the middle of a timed row would count
 * that pause many times over, in a timed chunk it also lands in the chunk's total.
 */
const TIMED_EVERY = 8;
let rowsSeen = 0;
let rowsTimed = 0;
const isTimed = (message: ChunkMessage) => setup.measure && message.seq % TIMED_EVERY === 0;

/** The previous chunk's hand-off to gzip (s3-files). */
let gzipping: Promise<void> = Promise.resolve();

/**
 * s3-files: each record is hashed and written as it is read (see chunk-item-lines.ts for why). A chunk that needs
 * csv-parse's paths is started over: what its first records produced is discarded and every record is done again.
 */
async function handleFileChunk(message: ChunkMessage, fileWriter: DynamoJsonFileWriter): Promise<ChunkResult> {
  const timed = isTimed(message);
  const rowClock = timed ? rowTiming : undefined;
  const started = timed ? clock() : 0n;
  const rowTimeBefore = rowTiming ? rowTiming.normaliseNs + rowTiming.hashNs : 0;
  let serialiseNs = 0;
  let rows = 0;
  const rejects: RejectEntry[] = [];
  const addRow = (fields: readonly string[], line: number) => {
    rows++;
    const outcome = hashRow(fields, line, rowClock);
    if (outcome.rejects.length > 0) rejects.push(...outcome.rejects);
    if (outcome.records.length === 0) return;
    if (!timed) {
      lines.add(outcome.records);
      return;
    }
    const before = clock();
    lines.add(outcome.records);
    serialiseNs += Number(clock() - before);
  };
  if (!streamCsvChunk(message.bytes, message.firstLine, addRow, fullColumns)) {
    lines.reset();
    rows = 0;
    rejects.length = 0;
    serialiseNs = 0;
    const { records: parsed, malformed } = parseCsvChunk(message.bytes, message.firstLine);
    for (const { line, reason } of malformed) rejects.push({ line, column: '', reason });
    for (const { line, fields } of parsed) addRow(fields, line);
    rows += malformed.length;
    // Malformed records were found while parsing, before the rest: restore line order (the sort is stable).
    if (malformed.length > 0) rejects.sort((a, b) => a.line - b.line);
  }
  countRows(rows, timed);
  const now = clock();
  if (timed && rowTiming) {
    const rowTime = rowTiming.normaliseNs + rowTiming.hashNs - rowTimeBefore;
    timing.parse += Number(now - started) - rowTime - serialiseNs;
    timing.serialise += serialiseNs;
  }
  // gzip (on libuv's pool) deflates this chunk while the thread goes on with the next one; before the lines after
  // that are taken, it has consumed these, so their Buffer is free again (two Buffers take turns, no third).
  await gzipping;
  timing.write += Number(clock() - now);
  const chunk = lines.take();
  gzipping = fileWriter.write(chunk.lines, chunk.items, () => lines.recycle(chunk));
  gzipping.catch(() => {}); // awaited before the next chunk's lines or the close; this only keeps it from going unhandled
  const result: ChunkResult = {
    type: 'chunk-done',
    seq: message.seq,
    rows,
    identifiers: chunk.items,
    subjects: chunk.subjects,
    rejects,
  };
  if (chunk.sampleKey) result.sampleKey = chunk.sampleKey;
  return result;
}

/** The records output: the chunk's records go back to the main thread for a store to write. */
function handleRecordsChunk(message: ChunkMessage): ChunkResult {
  const timed = isTimed(message);
  const started = clock();
  const { records: parsed, malformed } = parseCsvChunk(message.bytes, message.firstLine);
  if (timed) timing.parse += Number(clock() - started);
  countRows(parsed.length, timed);

  const rejects: RejectEntry[] = malformed.map(({ line, reason }) => ({ line, column: '', reason }));
  // Duplicate rows of one subject within a chunk become one item per identifier, with their field sets merged.
  // Keyed by subject (one entry per row) rather than by item: rows repeat rarely, items come three to a row.
  const bySubject = new Map<string, ExposureRecord[]>();
  const records: ExposureRecord[] = [];
  let subjects = 0;
  for (const { line, fields } of parsed) {
    const outcome = hashRow(fields, line, timed ? rowTiming : undefined);
    if (outcome.rejects.length > 0) rejects.push(...outcome.rejects);
    if (outcome.records.length === 0) continue;
    subjects++;
    const earlier = bySubject.get((outcome.records[0] as ExposureRecord).subjectId);
    if (!earlier) {
      bySubject.set((outcome.records[0] as ExposureRecord).subjectId, outcome.records);
      records.push(...outcome.records);
      continue;
    }
    // Every item of the subject carries the union of the fields of all its rows.
    const first = outcome.records[0] as ExposureRecord;
    const mergedFields = sortFieldsByRisk([...(earlier[0] as ExposureRecord).fields, ...first.fields]);
    for (const record of outcome.records) {
      if (!earlier.some((candidate) => candidate.identifierHash === record.identifierHash)) {
        earlier.push(record);
        records.push(record);
      }
    }
    for (const record of earlier) record.fields = mergedFields;
  }
  // Malformed records were found while parsing, before the rest: restore line order (the sort is stable).
  if (malformed.length > 0) rejects.sort((a, b) => a.line - b.line);
  const result: ChunkResult = {
    type: 'chunk-done',
    seq: message.seq,
    rows: parsed.length + malformed.length,
    identifiers: records.length,
    subjects,
    rejects,
  };
  const first = records[0];
  if (first)
    result.sampleKey = { identifierHash: first.identifierHash, recordKey: `${first.breachId}#${first.subjectId}` };
  result.records = records;
  return result;
}

function countRows(rows: number, timed: boolean): void {
  rowsSeen += rows;
  if (timed) rowsTimed += rows;
}

/** The timed chunks' figures scaled up to all rows (see TIMED_EVERY). */
function finishTiming(): TimeSplitNs {
  const scale = rowsTimed > 0 ? rowsSeen / rowsTimed : 0;
  return {
    parse: timing.parse * scale,
    normalise: (rowTiming?.normaliseNs ?? 0) * scale,
    hash: (rowTiming?.hashNs ?? 0) * scale,
    serialise: timing.serialise * scale,
    write: timing.write,
  };
}

let queue: Promise<void> = Promise.resolve();
const reply = (message: FromWorkerMessage) => port.postMessage(message);

port.on('message', (message: ToWorkerMessage) => {
  queue = queue
    .then(async () => {
      if (message.type === 'chunk') {
        reply(writer ? await handleFileChunk(message, writer) : handleRecordsChunk(message));
        return;
      }
      await gzipping;
      const files = writer ? await writer.close() : [];
      reply({ type: 'finished', files, timing: finishTiming(), maxRssKb: process.resourceUsage().maxRSS });
    })
    .catch((error: unknown) => {
      // Errors here come from parsing or file I/O; messages of CsvError quote input, so only the name/code goes back.
      const code = (error as { code?: unknown }).code;
      reply({
        type: 'failed',
        message: `${(error as Error).name ?? 'Error'}${typeof code === 'string' ? ` (${code})` : ''}`,
      });
    });
});
