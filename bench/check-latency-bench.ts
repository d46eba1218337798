import { GetCommand } from '@aws-sdk/lib-dynamodb';
import breachJson from '../config/breach.json';
import { localTableNames } from '../contract/tables';
import { createDynamoDbStores } from '../functions/adapters/dynamodb/dynamodb-stores';
import { InProcessEmailQueue } from '../functions/adapters/queue/in-process-email-queue';
import { parseBreachConfig } from '../functions/core/breach-config';
import { countDailyMetric } from '../functions/core/check/daily-metrics';
import {
  countRateLimited,
  countRollingWindow,
  DAY_SECONDS,
  hashRateLimitSubject,
  MINUTE_SECONDS,
} from '../functions/core/check/rate-limit';
import { hashIdentifier, hashToken } from '../functions/core/identifier-hash';
import { type AppLogger, systemClock } from '../functions/core/ports';
import { createCheckHandler } from '../functions/handlers/create-check';
import { fixedOriginGuard, ORIGIN_VERIFY_HEADER } from '../functions/http/origin-guard';
import {
  createEmulatorClients,
  ensureTables,
  startDynamoDbEmulator,
} from '../functions/local/emulators/dynamodb-emulator';
import { startDynaliteProcess } from './dynalite-process';

/*
 * `npm run bench:check [-- N]` (or BENCH_CHECKS=N, default 600 of each): hit and miss checks through the real handler
 * stack (middy, schema, normalise, hash, rate limits, lookup, token, metrics, in-process queue with a no-op sender,
 * no SES) against dynalite, interleaved with a bare GetItem and with the same DynamoDB calls issued directly, all in
 * one run. Prints median and p99 of each, |Δmedian| hit vs miss, and the stack's cost as ratios.
 * dynalite runs in its own process by default (BENCH_DYNALITE=in-process to share this one), so that, as with the
 * real service, the database's work does not run on the caller's thread.
 * Targets (issue 4): |median(hit) − median(miss)| < 5 ms; overhead ≤ 1.3×.
 */

const perKind = Number(process.argv[2] ?? process.env.BENCH_CHECKS ?? 600);
const warmUp = 100;
const config = parseBreachConfig(breachJson);
const pepper = new Uint8Array(32).fill(42);
const silent: AppLogger = { info: () => {}, warn: () => {}, error: () => {} };

async function startDynalite(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  if (process.env.BENCH_DYNALITE === 'in-process') return startDynamoDbEmulator({ port: 0 });
  return startDynaliteProcess();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main() {
  const dynalite = await startDynalite();
  const { client, documentClient } = createEmulatorClients(dynalite.endpoint);
  const tableNames = localTableNames('bench');
  await ensureTables(client, tableNames);
  const stores = createDynamoDbStores({ client: documentClient, tableNames, clock: systemClock });

  const total = perKind + warmUp;
  const hitAddress = (i: number) => `hit${i}@bench.example.nl`;
  const missAddress = (i: number) => `miss${i}@bench.example.nl`;
  await stores.exposures.putRecords(
    Array.from({ length: total }, (_, i) => ({
      identifierHash: hashIdentifier(pepper, 'email', hitAddress(i)),
      breachId: config.id,
      subjectId: `subject-${i}`,
      fields: ['fullName', 'email', 'iban'],
    })),
  );

  const queue = new InProcessEmailQueue({ deliver: async () => {} });
  const handler = createCheckHandler({
    ...stores,
    config,
    clock: systemClock,
    logger: silent,
    emailQueue: queue,
    pepper: async () => pepper,
    originGuard: fixedOriginGuard(['bench-origin-secret']),
  });
  // Every request from its own IP and to its own address: the bench measures the path, not the rate limiter's 429.
  const ip = (i: number, kind: number) => `10.${kind}.${Math.floor(i / 250)}.${i % 250}`;
  const checkEvent = (email: string, sourceIp: string) => ({
    version: '2.0',
    routeKey: 'POST /api/v1/checks',
    rawPath: '/api/v1/checks',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', [ORIGIN_VERIFY_HEADER]: 'bench-origin-secret' },
    requestContext: { http: { method: 'POST', path: '/api/v1/checks', sourceIp } },
    body: JSON.stringify({ email }),
    isBase64Encoded: false,
  });
  const context = { getRemainingTimeInMillis: () => 30_000 };
  const check = async (email: string, sourceIp: string) => {
    // biome-ignore lint/suspicious/noExplicitAny: a minimal API Gateway v2 event; the handler reads only these fields
    const response = await handler(checkEvent(email, sourceIp) as any, context as any);
    if (response.statusCode !== 202) throw new Error(`check answered ${response.statusCode}`);
  };
  const bareGetItem = () =>
    documentClient.send(new GetCommand({ TableName: tableNames.tokens, Key: { tokenHash: 'absent' } }));
  // The DynamoDB calls requestCheck makes, in the same two parallel rounds, without the handler stack.
  const sameCallsDirect = async (i: number) => {
    const now = Date.now();
    const address = `direct${i}@bench.example.nl`;
    await Promise.all([
      countRateLimited(
        stores.counters,
        { subject: 'ip', subjectHash: `direct-ip-${i}`, window: { seconds: MINUTE_SECONDS, limit: 1e9 } },
        now,
      ),
      countRollingWindow(
        stores.counters,
        {
          subject: 'mailbox',
          subjectHash: hashRateLimitSubject(pepper, 'mailbox', address),
          window: { seconds: DAY_SECONDS, limit: 1e9 },
        },
        now,
      ),
      stores.exposures.findByIdentifier(hashIdentifier(pepper, 'email', address)),
    ]);
    await Promise.all([
      stores.tokens.create({
        tokenHash: hashToken(`direct-${i}`),
        identifierHash: 'x',
        identifierType: 'email',
        locale: 'nl',
        createdAt: now,
        expiresAtEpochSeconds: Math.floor(now / 1000) + 3600,
      }),
      countDailyMetric(stores.counters, 'checks', now),
      countDailyMetric(stores.counters, 'misses', now),
    ]);
  };

  const samples = { hit: [] as number[], miss: [] as number[], getItem: [] as number[], direct: [] as number[] };
  // Interleaved, so drift (GC, JIT, the emulator's growing tables) touches every series alike.
  for (let i = 0; i < total; i += 1) {
    const round = {
      hit: await timed(() => check(hitAddress(i), ip(i, 1))),
      miss: await timed(() => check(missAddress(i), ip(i, 2))),
      getItem: await timed(bareGetItem),
      direct: await timed(() => sameCallsDirect(i)),
    };
    if (i < warmUp) continue;
    for (const key of Object.keys(round) as (keyof typeof round)[]) samples[key].push(round[key]);
  }
  await queue.idle();
  const delivered = queue.stats().delivered;

  const hit = summary(samples.hit);
  const miss = summary(samples.miss);
  const getItem = summary(samples.getItem);
  const direct = summary(samples.direct);
  const handlerMedian = (hit.median + miss.median) / 2;
  const deltaMedian = Math.abs(hit.median - miss.median);
  const ms = (value: number) => `${value.toFixed(3)} ms`;

  console.log(
    `Customer check latency: ${perKind} hits + ${perKind} misses (after ${warmUp} warm-up each), Node ${process.version}`,
  );
  console.log(
    `dynalite: ${process.env.BENCH_DYNALITE === 'in-process' ? 'in this process' : 'own process'}; jobs queued and drained: ${delivered}`,
  );
  console.log(`  hit              median ${ms(hit.median)}   p99 ${ms(hit.p99)}`);
  console.log(`  miss             median ${ms(miss.median)}   p99 ${ms(miss.p99)}`);
  console.log(`  |Δmedian| hit vs miss: ${ms(deltaMedian)} (target < 5 ms: ${deltaMedian < 5 ? 'met' : 'NOT met'})`);
  console.log(`  bare GetItem     median ${ms(getItem.median)}   p99 ${ms(getItem.p99)}`);
  console.log(`  same 7 DynamoDB calls, no stack   median ${ms(direct.median)}   p99 ${ms(direct.p99)}`);
  const overStack = handlerMedian / direct.median;
  console.log(
    `  handler stack ÷ its own DynamoDB calls: ${overStack.toFixed(2)}× (target ≤ 1.3×: ${overStack <= 1.3 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  handler ÷ one bare GetItem: ${(handlerMedian / getItem.median).toFixed(2)}× (a check makes 7 calls in 2 rounds; the mailbox window is a read, then a conditional write)`,
  );
  console.log(
    JSON.stringify({
      perKind,
      hit,
      miss,
      deltaMedianMs: deltaMedian,
      getItem,
      sameCallsDirect: direct,
      ratioToOwnCalls: overStack,
      ratioToGetItem: handlerMedian / getItem.median,
    }),
  );

  queue.close();
  documentClient.destroy();
  client.destroy();
  await dynalite.stop();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
