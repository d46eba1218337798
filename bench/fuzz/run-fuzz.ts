import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startLocalStackProcess } from '../stack/local-stack-process';
import { countLogMessages } from '../stack/log-messages';
import type { MemorySample } from '../stack/stack-protocol';
import { type FuzzTally, formatOutcomes, runFuzzRound } from './fuzz-round';
import { sampleMalformedRequests } from './malformed-requests';

/*
 * `npm run fuzz [-- --requests 5000 --seed 8 --concurrency 16]` (or FUZZ_REQUESTS / FUZZ_SEED): thousands of
 * malformed requests over raw TCP to the local stack (in its own process, default limits: hostile traffic meets the
 * real ones). Tallies outcomes by status, lists every finding (a 5xx, an API error without the error shape, a file
 * from outside the site), checks the stack still serves a normal request afterwards, and compares the stack's RSS
 * after a full GC before and after the run (after a warm-up round, so lazily loaded code is not counted as growth).
 * Exit code 1 on any finding, a dead stack, or RSS growth over the tolerance.
 */

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: process.env.FUZZ_REQUESTS ?? '5000' },
    seed: { type: 'string', default: process.env.FUZZ_SEED ?? '8' },
    concurrency: { type: 'string', default: '16' },
  },
});
const count = Number(values.requests);
const seed = Number(values.seed);
const WARM_UP = 500;
const ROUNDS = 5;
/** Growth after GC allowed over rounds 2–5: allocator and JIT noise, not a leak (a leak grows with every round). */
const RSS_TOLERANCE_BYTES = 24 * 1024 * 1024;
const HEAP_TOLERANCE_BYTES = 4 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<number> {
  console.log(
    `fuzz: ${count} malformed requests (seed ${seed}) in ${ROUNDS} rounds, concurrency ${values.concurrency}`,
  );
  console.log(
    `machine load before start (1/5/15 min): ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
  const stack = await startLocalStackProcess();
  try {
    const options = { concurrency: Number(values.concurrency) };
    const warmUp = await runFuzzRound(stack.urls.portal, sampleMalformedRequests(WARM_UP, seed + 1), options);
    const samples = [await stack.memory()];
    const requests = sampleMalformedRequests(count, seed);
    const perRound = Math.ceil(count / ROUNDS);
    const started = Date.now();
    const tally: FuzzTally = { sent: 0, outcomes: new Map(), findings: [...warmUp.findings] };
    for (let round = 0; round < ROUNDS; round++) {
      const part = await runFuzzRound(
        stack.urls.portal,
        requests.slice(round * perRound, (round + 1) * perRound),
        options,
      );
      tally.sent += part.sent;
      for (const [key, n] of part.outcomes) tally.outcomes.set(key, (tally.outcomes.get(key) ?? 0) + n);
      tally.findings.push(...part.findings);
      samples.push(await stack.memory());
    }
    const seconds = (Date.now() - started) / 1000;

    const health = await Promise.all([
      fetch(`${stack.urls.portal}/nl/`).then((response) => response.status),
      fetch(`${stack.urls.portal}/api/v1/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: 'A'.repeat(43) }),
      }).then((response) => response.status),
    ]);
    const addressInLogs = stack.logLines().filter((line) => /[\w.+-]+@[\w-]+\.[a-z]{2,}/i.test(line));

    console.log(
      `\nsent ${tally.sent} in ${seconds.toFixed(1)} s (${(tally.sent / seconds).toFixed(0)} req/s), after ${warmUp.sent} warm-up`,
    );
    console.log(`outcomes: ${formatOutcomes(tally.outcomes)}`);
    const fiveHundreds = [...tally.outcomes.entries()]
      .filter(([key]) => key.startsWith('5'))
      .reduce((sum, [, n]) => sum + n, 0);
    console.log(`5xx: ${fiveHundreds}; findings: ${tally.findings.length}`);
    for (const finding of tally.findings.slice(0, 20))
      console.log(`  ${finding.reason}: ${finding.request} → ${finding.outcome}`);
    console.log(`stack afterwards: GET /nl/ → ${health[0]}, POST /api/v1/results → ${health[1]} (expected 200, 404)`);

    // Flat = no growth with the number of requests: the first round may still fill caches and the allocator's
    // pools, so growth is measured from the end of round 1 to the end of the run.
    console.log(`stack memory after GC, after warm-up then after each round of ${perRound}:`);
    console.log(`  RSS  ${samples.map((sample) => mb(sample.rss)).join(' → ')}`);
    console.log(`  heap ${samples.map((sample) => mb(sample.heapUsed)).join(' → ')}`);
    const first = samples[1] as MemorySample;
    const last = samples[samples.length - 1] as MemorySample;
    const rssGrowth = last.rss - first.rss;
    const heapGrowth = last.heapUsed - first.heapUsed;
    console.log(
      `  growth over rounds 2–${ROUNDS}: RSS ${signed(rssGrowth)} (tolerance ${mb(RSS_TOLERANCE_BYTES)}), heap ${signed(heapGrowth)} (tolerance ${mb(HEAP_TOLERANCE_BYTES)})`,
    );
    console.log(`log lines: ${stack.logLines().length}, naming an address: ${addressInLogs.length}`);
    for (const [message, n] of countLogMessages(stack.logLines())) console.log(`  ${n} × ${message}`);
    console.log(
      `machine load at the end (1/5/15 min): ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' / ')}`,
    );
    const ok =
      tally.findings.length === 0 &&
      health[0] === 200 &&
      health[1] === 404 &&
      rssGrowth <= RSS_TOLERANCE_BYTES &&
      heapGrowth <= HEAP_TOLERANCE_BYTES &&
      addressInLogs.length === 0;
    console.log(ok ? '\nPASS' : '\nFAIL');
    return ok ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

function signed(bytes: number): string {
  return `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
