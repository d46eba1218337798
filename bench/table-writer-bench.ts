import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITIONS } from '../contract/tables';
import type { Field } from '../functions/core/fields';
import type { ExposureRecord } from '../functions/core/ports';
import { BATCH_WRITE_ITEMS, exposurePutRequest, TableWriter } from '../functions/import/table-writer';
import { createEmulatorClients, createTableInput } from '../functions/local/emulators/dynamodb-emulator';
import { startDynaliteProcess } from './dynalite-process';

/*
 * The import's table writer against a bare parallel BatchWriteItem loop, in the same run, on the same emulator
 * (dynalite in its own process), with the same concurrency (issue 15: ratio ≥ 0.8). The writer is fed as the import
 * feeds it — chunks of records (≈ 3 000 items, one hashed chunk of ≈ 1 000 rows), with its back-pressure — and does
 * its own marshalling, de-duplication and bookkeeping; the bare loop sends pre-built batches and nothing else.
 * Rounds alternate (bare, writer, bare, writer …) so a load change on the shared machine hits both.
 * Then a projection for AWS: an on-demand table takes what its warm throughput allows, not what the client sends.
 *
 *   npm run bench:load-table [-- ITEMS]   (BENCH_TABLE_ITEMS, default 60 000; BENCH_TABLE_CONCURRENCY, default 16)
 */

const FIELDS: Field[] = ['fullName', 'email', 'phone', 'customerNumber'];

function syntheticRecords(count: number): ExposureRecord[] {
  const records: ExposureRecord[] = [];
  for (let index = 0; index < count; index++) {
    const subjectId = randomBytes(32).toString('base64url');
    records.push({
      identifierHash: randomBytes(32).toString('base64url'),
      breachId: 'bench-breach',
      subjectId,
      fields: FIELDS,
    });
  }
  return records;
}

async function bareLoop(client: DynamoDBClient, table: string, records: ExposureRecord[], concurrency: number) {
  const batches: WriteRequest[][] = [];
  const requests = records.map(exposurePutRequest);
  for (let start = 0; start < requests.length; start += BATCH_WRITE_ITEMS) {
    batches.push(requests.slice(start, start + BATCH_WRITE_ITEMS));
  }
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      let pending = batches[next++] as WriteRequest[];
      while (pending.length > 0) {
        const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
        pending = result.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

async function writerLoop(client: DynamoDBClient, table: string, records: ExposureRecord[], concurrency: number) {
  const writer = new TableWriter(client, table, { concurrency });
  const chunkItems = 3_000;
  const written: Promise<void>[] = [];
  for (let start = 0; start < records.length; start += chunkItems) {
    written.push(writer.write(records.slice(start, start + chunkItems)));
    await writer.waitForRoom();
  }
  await Promise.all(written);
  return writer.stats;
}

async function timed<T>(action: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await action();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, value };
}

export interface TableWriterBenchResult {
  bareItemsPerSecond: number;
  writerItemsPerSecond: number;
  ratio: number;
  lines: string[];
}

export async function runTableWriterBench(
  items = Number(process.env.BENCH_TABLE_ITEMS ?? 60_000),
  concurrency = Number(process.env.BENCH_TABLE_CONCURRENCY ?? 16),
  rounds = 2,
): Promise<TableWriterBenchResult> {
  const dynalite = await startDynaliteProcess();
  const { client } = createEmulatorClients(dynalite.endpoint);
  const exposures = TABLE_DEFINITIONS.find((definition) => definition.key === 'exposures');
  if (!exposures) throw new Error('no exposures table definition');
  try {
    const loadBefore = loadavg()[0] ?? 0;
    const bare: number[] = [];
    const writer: number[] = [];
    let retries = 0;
    // A warm-up round on its own table: the first requests pay for connections and JIT.
    await client.send(new CreateTableCommand(createTableInput(exposures, 'warm-up')));
    await bareLoop(client, 'warm-up', syntheticRecords(2_000), concurrency);
    for (let round = 0; round < rounds; round++) {
      for (const kind of ['bare', 'writer'] as const) {
        const table = `${kind}-${round}`;
        await client.send(new CreateTableCommand(createTableInput(exposures, table)));
        const records = syntheticRecords(items);
        if (kind === 'bare') {
          bare.push(items / (await timed(() => bareLoop(client, table, records, concurrency))).seconds);
        } else {
          const { seconds, value } = await timed(() => writerLoop(client, table, records, concurrency));
          if (value.itemsWritten !== items) throw new Error(`writer stored ${value.itemsWritten} of ${items} items`);
          retries += value.retries;
          writer.push(items / seconds);
        }
      }
    }
    const loadAfter = loadavg()[0] ?? 0;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const bareRate = mean(bare);
    const writerRate = mean(writer);
    const ratio = writerRate / bareRate;
    const round = (value: number) => Math.round(value).toLocaleString('en');
    const projection = [4_000, 10_000, 40_000].map((writesPerSecond) => {
      const minutes = 19_000_000 / writesPerSecond / 60;
      return `${round(writesPerSecond)} writes/s → ${minutes < 120 ? `${Math.ceil(minutes)} min` : `${(minutes / 60).toFixed(1)} h`}`;
    });
    const lines = [
      `table writer      ${round(writerRate)} items/s (${writer.map(round).join(', ')}; ${retries} retries) — dynalite, own process, concurrency ${concurrency}, ${items} items per round`,
      `bare BatchWrite   ${round(bareRate)} items/s (${bare.map(round).join(', ')}) — ${concurrency} lanes of pre-built 25-item requests`,
      `writer ratio      ${ratio.toFixed(2)} (target ≥ 0.8); load ${loadBefore.toFixed(2)} before / ${loadAfter.toFixed(2)} after`,
      `AWS projection    19 M items (6.2 M rows) at the table's write throughput: ${projection.join('; ')}` +
        ` — the writer is not the limit: at ≈ 15 ms per request, ${concurrency} lanes send ≈ ${round((concurrency * BATCH_WRITE_ITEMS) / 0.015)} items/s`,
    ];
    return { bareItemsPerSecond: bareRate, writerItemsPerSecond: writerRate, ratio, lines };
  } finally {
    client.destroy();
    await dynalite.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runTableWriterBench(Number(process.argv[2] ?? process.env.BENCH_TABLE_ITEMS ?? 60_000));
  console.log(result.lines.join('\n'));
}
