import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { readSmsStore } from '../../functions/local/emulators/sms-emulator';
import { benchHitAddress, benchHitPhone, benchMissAddress, benchMissPhone } from '../stack/bench-addresses';
import { formatMs, percentile, summariseLatencies, table } from '../stack/latency-summary';
import { startLocalStackProcess } from '../stack/local-stack-process';
import { readStoredMail, resultTokenOf } from '../stack/stack-inspection';

/*
 * `npm run bench:timing [-- --checks 600]` (or TIMING_CHECKS): is the check API a membership oracle by timing
 * (DESIGN §2.4)? Starts the local stack in a child process with the rate limits raised, then sends hit and miss
 * checks over real HTTP, interleaved in a shuffled order on one keep-alive connection (so both kinds see the same
 * machine noise). The script seeds its own hit addresses; misses have the same shape (domain, length), so only
 * membership differs.
 * Prints p50/p90/p99 of each, Δmedian (target < 5 ms), a bootstrap 95 % interval of each p99 and whether they
 * overlap, and whether every response is byte-identical apart from the Date header. Then the same for checks by
 * phone number (DESIGN §9): hit and miss mobile numbers of one shape, every hit texted a link, no miss.
 */

const { values } = parseArgs({
  options: { checks: { type: 'string', default: process.env.TIMING_CHECKS ?? '600' } },
});
const perKind = Math.max(500, Number(values.checks));
const WARM_UP = 60;
const RAISED = 1_000_000_000;
// Headers that differ per response whatever the request: the clock, and the connection's own bookkeeping.
const VARYING_HEADERS = new Set(['date', 'x-request-id', 'apigw-requestid', 'keep-alive', 'connection']);

interface Answer {
  ms: number;
  canonical: string;
  /** Names of the varying headers this response carried (left out of the comparison). */
  varying: string[];
}

function postCheck(agent: Agent, portal: URL, identifier: { email: string } | { phone: string }): Promise<Answer> {
  const body = JSON.stringify(identifier);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        agent,
        host: portal.hostname,
        port: portal.port,
        method: 'POST',
        path: '/api/v1/checks',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const ms = performance.now() - started;
          const headers = Object.entries(response.headers)
            .filter(([name]) => !VARYING_HEADERS.has(name))
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, value]) => `${name}: ${String(value)}`);
          const canonical = [`${response.statusCode}`, ...headers, '', Buffer.concat(chunks).toString('utf8')].join(
            '\n',
          );
          const varying = Object.keys(response.headers).filter((name) => VARYING_HEADERS.has(name));
          resolve({ ms, canonical, varying });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Seeded shuffle (mulberry32): the same interleaving on every run. */
function shuffled<T>(items: T[], seed = 8): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

/** 95 % bootstrap interval of the p99 (2 000 resamples, seeded). */
function p99Interval(samples: readonly number[], seed: number): [number, number] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const estimates: number[] = [];
  for (let round = 0; round < 2000; round++) {
    const resample = Array.from(
      { length: samples.length },
      () => samples[Math.floor(random() * samples.length)] as number,
    );
    estimates.push(
      percentile(
        resample.sort((a, b) => a - b),
        99,
      ),
    );
  }
  estimates.sort((a, b) => a - b);
  return [percentile(estimates, 2.5), percentile(estimates, 97.5)];
}

type Identifier = { email: string } | { phone: string };

interface Comparison {
  ok: boolean;
  deltaMedian: number;
}

/** Sends the plan's checks in its (shuffled) order and prints the hit/miss comparison. */
async function compare(
  label: string,
  agent: Agent,
  portal: URL,
  warmUp: Identifier[],
  plan: { kind: 'hit' | 'miss'; identifier: Identifier }[],
): Promise<Comparison> {
  for (const identifier of warmUp) await postCheck(agent, portal, identifier);
  const answers = { hit: [] as Answer[], miss: [] as Answer[] };
  for (const { kind, identifier } of plan) answers[kind].push(await postCheck(agent, portal, identifier));

  const hit = summariseLatencies(answers.hit.map((answer) => answer.ms));
  const miss = summariseLatencies(answers.miss.map((answer) => answer.ms));
  const deltaMedian = Math.abs(hit.p50 - miss.p50);
  const hitInterval = p99Interval(
    answers.hit.map((answer) => answer.ms),
    1,
  );
  const missInterval = p99Interval(
    answers.miss.map((answer) => answer.ms),
    2,
  );
  const p99Overlap = hitInterval[0] <= missInterval[1] && missInterval[0] <= hitInterval[1];
  const forms = new Set([...answers.hit, ...answers.miss].map((answer) => answer.canonical));
  const leftOut = new Set([...answers.hit, ...answers.miss].flatMap((answer) => answer.varying));

  console.log(
    `\n${label}\n${table([
      ['kind', 'count', 'p50', 'p90', 'p99', 'max', 'p99 95% interval'],
      ...(
        [
          ['hit', hit, hitInterval],
          ['miss', miss, missInterval],
        ] as const
      ).map(([kind, summary, interval]) => [
        kind,
        String(summary.count),
        formatMs(summary.p50),
        formatMs(summary.p90),
        formatMs(summary.p99),
        formatMs(summary.max),
        `${interval[0].toFixed(2)}–${interval[1].toFixed(2)} ms`,
      ]),
    ])}`,
  );
  console.log(`|Δmedian| = ${formatMs(deltaMedian)} (target < 5 ms): ${deltaMedian < 5 ? 'met' : 'NOT met'}`);
  console.log(`Δp99 = ${formatMs(hit.p99 - miss.p99)}; p99 intervals overlap: ${p99Overlap ? 'yes' : 'no'}`);
  console.log(
    `distinct responses (status + headers except ${[...leftOut].join(', ')} + body): ${forms.size} ${forms.size === 1 ? '(byte-identical)' : '(DIFFER)'}`,
  );
  console.log(`the one response:\n${[...forms][0]?.replace(/^/gm, '  ')}`);
  return { ok: deltaMedian < 5 && p99Overlap && forms.size === 1, deltaMedian };
}

async function main(): Promise<number> {
  console.log(`timing: ${perKind} hit + ${perKind} miss checks per route, interleaved, one keep-alive connection`);
  console.log(
    `machine load before start (1/5/15 min): ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
  // Every hit and miss address is used once (plus the warm-up's own), so no address repeats inside the measurement.
  const stack = await startLocalStackProcess({
    limits: { checksPerAddressPerDay: RAISED, checksPerIpPerMinute: RAISED },
    sms: { checksPerNumberPerDay: RAISED, checksPerIpPerHour: RAISED, dailyBudget: RAISED },
    seedHitAddresses: perKind + WARM_UP,
    seedHitPhones: perKind + WARM_UP,
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const portal = new URL(stack.urls.portal);
    const warmUpOf = (hitOf: (index: number) => string, missOf: (index: number) => string) =>
      Array.from({ length: WARM_UP }, (_, index) => (index % 2 ? missOf(perKind + index) : hitOf(perKind + index)));
    const planOf = (
      identifierOf: (value: string) => Identifier,
      hitOf: (i: number) => string,
      missOf: (i: number) => string,
    ) =>
      shuffled([
        ...Array.from({ length: perKind }, (_, index) => ({
          kind: 'hit' as const,
          identifier: identifierOf(hitOf(index)),
        })),
        ...Array.from({ length: perKind }, (_, index) => ({
          kind: 'miss' as const,
          identifier: identifierOf(missOf(index)),
        })),
      ]);

    const byEmail = await compare(
      'by email',
      agent,
      portal,
      warmUpOf(benchHitAddress, benchMissAddress).map((email) => ({ email })),
      planOf((email) => ({ email }), benchHitAddress, benchMissAddress),
    );
    const byPhone = await compare(
      'by phone (SMS)',
      agent,
      portal,
      warmUpOf(benchHitPhone, benchMissPhone).map((phone) => ({ phone })),
      planOf((phone) => ({ phone }), benchHitPhone, benchMissPhone),
    );
    await stack.settleMail();
    // The comparison means something only if the hits were hits: each must have been sent a result link.
    const expectedLinks = perKind + Math.ceil(WARM_UP / 2);
    const mails = await readStoredMail(stack.urls.ses);
    const linksMailed = mails.filter((mail) => resultTokenOf(mail) !== undefined).length;
    const texts = await readSmsStore(stack.urls.sms);
    const linksTexted = texts.filter((text) => text.messageBody.includes('#t=')).length;
    console.log(
      `\nmails: ${mails.length}, with a result link: ${linksMailed}; texts: ${texts.length}, with a result link: ${linksTexted} (expected ${expectedLinks} each: every hit, no miss)`,
    );
    console.log(
      `phone hit vs miss |Δmedian| = ${formatMs(byPhone.deltaMedian)} (email: ${formatMs(byEmail.deltaMedian)})`,
    );
    console.log(
      `machine load at the end (1/5/15 min): ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' / ')}`,
    );
    const ok = byEmail.ok && byPhone.ok && linksMailed === expectedLinks && linksTexted === expectedLinks;
    console.log(ok ? '\nPASS' : '\nFAIL');
    return ok ? 0 : 1;
  } finally {
    agent.destroy();
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
