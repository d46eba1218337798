import { parentPort, workerData } from 'node:worker_threads';
import { sortFieldsByRisk } from '../core/fields';
import { createPepperKey } from '../core/identifier-hash';
import type { ExposureRecord } from '../core/ports';
import { parseCsvChunk } from './csv-chunk-parser';
import { DynamoJsonFileWriter } from './dynamo-json-file-writer';
import { exposureItemJsonLine } from './exposure-item-json';
import type {
  ChunkMessage,
  ChunkResult,
  FromWorkerMessage,
  ImportWorkerSetup,
  TimeSplitNs,
  ToWorkerMessage,
} from './import-worker-protocol';
import { createRowHasher, type RejectEntry, type TimeSplit } from './row-hasher';

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
});
setup.pepper.fill(0);

const writer =
  setup.output.kind === 's3-files'
    ? new DynamoJsonFileWriter(setup.output.directory, setup.output.filePrefix, setup.output.maxFileBytes)
    : undefined;
const timing: TimeSplitNs = { parse: 0, normalise: 0, hash: 0, serialise: 0, write: 0 };
const rowTiming: TimeSplit | undefined = setup.measure ? { normaliseNs: 0, hashNs: 0 } : undefined;
const clock = () => (setup.measure ? process.hrtime.bigint() : 0n);

async function handleChunk(message: ChunkMessage): Promise<ChunkResult> {
  let started = clock();
  const { records: parsed, malformed } = parseCsvChunk(message.bytes, message.firstLine);
  let now = clock();
  timing.parse += Number(now - started);

  const rejects: RejectEntry[] = malformed.map(({ line, reason }) => ({ line, column: '', reason }));
  // Duplicate rows of one subject within a chunk become one item per identifier, with their field sets merged.
  // Keyed by subject (one entry per row) rather than by item: rows repeat rarely, items come three to a row.
  const bySubject = new Map<string, ExposureRecord[]>();
  const records: ExposureRecord[] = [];
  let subjects = 0;
  for (const { line, fields } of parsed) {
    const outcome = hashRow(fields, line, rowTiming);
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
  if (!writer) {
    result.records = records;
    return result;
  }
  started = clock();
  let lines = '';
  for (const record of records) lines += exposureItemJsonLine(record);
  now = clock();
  timing.serialise += Number(now - started);
  await writer.write(lines, records.length);
  timing.write += Number(clock() - now);
  return result;
}

function finishTiming(): TimeSplitNs {
  if (rowTiming) {
    timing.normalise = rowTiming.normaliseNs;
    timing.hash = rowTiming.hashNs;
  }
  return timing;
}

let queue: Promise<void> = Promise.resolve();
const reply = (message: FromWorkerMessage) => port.postMessage(message);

port.on('message', (message: ToWorkerMessage) => {
  queue = queue
    .then(async () => {
      if (message.type === 'chunk') {
        reply(await handleChunk(message));
        return;
      }
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
