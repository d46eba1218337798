import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { siteDistDir } from '../../functions/local/site-build';
import { benchHitAddresses } from '../stack/bench-addresses';
import { formatMs, summariseLatencies, table } from '../stack/latency-summary';
import { startLocalStackProcess } from '../stack/local-stack-process';
import { countLogMessages } from '../stack/log-messages';
import {
  acceptedChecksMetric,
  clearStoredMail,
  dynamoDocumentClient,
  mailCountByRecipient,
  readStoredMail,
  resultTokenOf,
} from '../stack/stack-inspection';
import { createLoadMix, EXPECTED_STATUS, type PlannedRequest, type RequestKind } from './load-mix';

/*
 * `npm run load [-- --rate 200 --duration 60 --connections 32]` (or LOAD_RATE / LOAD_DURATION / LOAD_CONNECTIONS):
 * starts the local stack in a child process (free ports, temporary LOCAL_DIR, rate limits raised so the run measures
 * the stack and not the limiter), then drives it from this process with autocannon at a fixed overall rate for a
 * bounded number of requests (rate × duration) to 127.0.0.1 only. Prints throughput, latency per request kind and
 * overall, statuses per kind; then waits for the email queue to drain and proves that every accepted check (202)
 * produced exactly one mail to its address: none lost, none doubled. Exit code 1 if not, on any 5xx, connection
 * error or timeout, or on an API answer other than its request calls for.
 */

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: process.env.LOAD_RATE ?? '200' },
    duration: { type: 'string', default: process.env.LOAD_DURATION ?? '60' },
    connections: { type: 'string', default: process.env.LOAD_CONNECTIONS ?? '32' },
  },
});
const rate = Number(values.rate);
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
const RAISED = 1_000_000_000;
const PRIMED_TOKENS = 40;
const HIT_ADDRESSES = 1_500;

async function sitePages(): Promise<string[]> {
  const assets = (await readdir(join(siteDistDir(process.cwd()), '_astro')).catch(() => [])).filter((name) =>
    name.endsWith('.js'),
  );
  return [
    '/',
    '/nl/',
    '/en/',
    '/nl/result/',
    '/en/check-sent/',
    '/nl/faq/',
    ...assets.slice(0, 3).map((a) => `/_astro/${a}`),
  ];
}

function postJson(url: string, body: unknown) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

interface KindStats {
  latencies: number[];
  statuses: Map<number, number>;
}

async function main(): Promise<number> {
  console.log(
    `load: ${rate} req/s for ${durationSeconds} s (${rate * durationSeconds} requests), ${connections} connections`,
  );
  console.log(
    `machine load before start (1/5/15 min): ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
  const stack = await startLocalStackProcess({
    limits: { checksPerAddressPerDay: RAISED, checksPerIpPerMinute: RAISED, assistRequestsPerIpPerHour: RAISED },
    seedHitAddresses: HIT_ADDRESSES,
  });
  const dynamo = dynamoDocumentClient(stack.urls.dynamoDb);
  try {
    const hitAddresses = benchHitAddresses(HIT_ADDRESSES);
    // Result links to redeem during the run: real tokens, from real mails.
    for (const address of hitAddresses.slice(0, PRIMED_TOKENS))
      await postJson(`${stack.urls.portal}/api/v1/checks`, { email: address });
    await stack.settleMail();
    const resultTokens = (await readStoredMail(stack.urls.ses)).flatMap((mail) => resultTokenOf(mail) ?? []);
    if (resultTokens.length !== PRIMED_TOKENS)
      throw new Error(`primed ${resultTokens.length} result links, not ${PRIMED_TOKENS}`);
    await clearStoredMail(stack.urls.ses);
    const acceptedBefore = await acceptedChecksMetric(dynamo);
    const memoryBefore = await stack.memory();

    const nextRequest = createLoadMix({
      runId: randomBytes(4).toString('hex'),
      pages: await sitePages(),
      hitAddresses,
      resultTokens,
    });
    const perKind = new Map<RequestKind, KindStats>();
    const acceptedByAddress = new Map<string, number>();
    const started = Date.now();
    const result = await new Promise<Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: stack.urls.portal,
          connections,
          overallRate: rate,
          // A request count, not a duration: autocannon then waits for every answer, so no check is accepted by
          // the server while the client has already stopped listening (which would look like a doubled mail).
          amount: rate * durationSeconds,
          timeout: 10,
          requests: [
            {
              setupRequest: (request, context) => {
                const planned: PlannedRequest = nextRequest();
                context.planned = planned;
                context.sentAt = performance.now();
                const headers: Record<string, string> = planned.body ? { 'content-type': 'application/json' } : {};
                return { ...request, method: planned.method, path: planned.path, body: planned.body, headers };
              },
              onResponse: (status, _body, context) => {
                const planned = context.planned as PlannedRequest;
                const stats: KindStats = perKind.get(planned.kind) ?? { latencies: [], statuses: new Map() };
                perKind.set(planned.kind, stats);
                stats.latencies.push(performance.now() - (context.sentAt as number));
                stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
                if (status === 202 && planned.address) {
                  acceptedByAddress.set(planned.address, (acceptedByAddress.get(planned.address) ?? 0) + 1);
                }
              },
            },
          ],
        },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
      // Bounded in time whatever happens: a stack that stops answering ends the run, it does not hang it.
      setTimeout(() => instance.stop(), (durationSeconds * 3 + 30) * 1000).unref();
    });
    const elapsedSeconds = (Date.now() - started) / 1000;

    const drainStarted = Date.now();
    await stack.settleMail();
    const drainSeconds = (Date.now() - drainStarted) / 1000;
    const acceptedByServer = (await acceptedChecksMetric(dynamo)) - acceptedBefore;
    const mails = await readStoredMail(stack.urls.ses);
    const memoryAfter = await stack.memory();

    printTraffic(result, elapsedSeconds, perKind);
    const verdict = printMailProof({
      acceptedByAddress,
      acceptedByServer,
      mailCounts: mailCountByRecipient(mails),
      mails: mails.length,
      drainSeconds,
    });
    const leakingLines = stack.logLines().filter((line) => /@example\.(org|nl)|#t=/.test(line));
    const messages = countLogMessages(stack.logLines());
    const fiveHundreds = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => code.startsWith('5'));
    console.log(
      `\nstack process after GC: RSS ${mb(memoryBefore.rss)} → ${mb(memoryAfter.rss)}, heap ${mb(memoryBefore.heapUsed)} → ${mb(memoryAfter.heapUsed)} (the SES emulator keeps every mail in memory)`,
    );
    console.log(
      `log lines written by the stack: ${stack.logLines().length}, naming an address or token: ${leakingLines.length}`,
    );
    for (const [message, count] of messages) console.log(`  ${count} × ${message}`);
    console.log(
      `machine load at the end (1/5/15 min): ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' / ')}`,
    );
    // Every API answer must be the one its request calls for. Page loads are reported, not judged: site/dist is
    // shared with whoever rebuilds the site meanwhile.
    const unexpectedApiAnswers = [...perKind.entries()]
      .filter(([kind]) => kind !== 'page')
      .flatMap(([kind, stats]) => [...stats.statuses.entries()].filter(([status]) => status !== EXPECTED_STATUS[kind]))
      .reduce((sum, [, count]) => sum + count, 0);
    console.log(`unexpected API answers: ${unexpectedApiAnswers}`);
    const ok =
      verdict &&
      fiveHundreds.length === 0 &&
      leakingLines.length === 0 &&
      result.errors === 0 &&
      result.timeouts === 0 &&
      unexpectedApiAnswers === 0;
    console.log(ok ? '\nPASS' : '\nFAIL');
    return ok ? 0 : 1;
  } finally {
    dynamo.destroy();
    await stack.stop();
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function printTraffic(result: Result, elapsedSeconds: number, perKind: Map<RequestKind, KindStats>) {
  const answered = [...perKind.values()].reduce((sum, stats) => sum + stats.latencies.length, 0);
  console.log(
    `\nsent ${result.requests.sent}, answered ${answered} in ${elapsedSeconds.toFixed(1)} s → ${(answered / elapsedSeconds).toFixed(1)} req/s`,
  );
  console.log(
    `autocannon: latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    `connection errors ${result.errors}, timeouts ${result.timeouts}, statuses ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count])))}`,
  );
  const rows = [['kind', 'count', 'p50', 'p90', 'p99', 'max', 'statuses', 'unexpected']];
  const all: number[] = [];
  for (const [kind, stats] of [...perKind.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const summary = summariseLatencies(stats.latencies);
    all.push(...stats.latencies);
    const unexpected = [...stats.statuses.entries()]
      .filter(([status]) => status !== EXPECTED_STATUS[kind])
      .reduce((sum, [, count]) => sum + count, 0);
    rows.push([
      kind,
      String(summary.count),
      formatMs(summary.p50),
      formatMs(summary.p90),
      formatMs(summary.p99),
      formatMs(summary.max),
      [...stats.statuses.entries()].map(([status, count]) => `${status}×${count}`).join(' '),
      String(unexpected),
    ]);
  }
  const overall = summariseLatencies(all);
  rows.push([
    'all',
    String(overall.count),
    formatMs(overall.p50),
    formatMs(overall.p90),
    formatMs(overall.p99),
    formatMs(overall.max),
    '',
    '',
  ]);
  console.log(`\n${table(rows)}`);
}

function printMailProof(input: {
  acceptedByAddress: Map<string, number>;
  acceptedByServer: number;
  mailCounts: Map<string, number>;
  mails: number;
  drainSeconds: number;
}): boolean {
  const acceptedByClient = [...input.acceptedByAddress.values()].reduce((sum, count) => sum + count, 0);
  let lost = 0;
  let doubled = 0;
  for (const address of new Set([...input.acceptedByAddress.keys(), ...input.mailCounts.keys()])) {
    const difference = (input.mailCounts.get(address) ?? 0) - (input.acceptedByAddress.get(address) ?? 0);
    if (difference < 0) lost -= difference;
    else doubled += difference;
  }
  console.log(`\nemail proof (queue drained ${input.drainSeconds.toFixed(1)} s after the last answer):`);
  console.log(
    `  checks answered 202: ${acceptedByClient} (server's own count: ${input.acceptedByServer}) over ${input.acceptedByAddress.size} addresses`,
  );
  console.log(`  mails in the SES emulator: ${input.mails} → lost ${lost}, doubled ${doubled} (per address)`);
  return lost === 0 && doubled === 0 && acceptedByClient === input.acceptedByServer && input.mails === acceptedByClient;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
