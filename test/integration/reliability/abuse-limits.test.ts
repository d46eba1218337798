import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ControlProof,
  proveAbuseControlsOverHttp,
  proveHandlerControls,
} from '../../../bench/abuse/abuse-controls';
import {
  type AbuseLimits,
  HASHED_RATE_KEY,
  type LimitProof,
  limitHolds,
  proveAbuseLimits,
  RAW_VALUES_SENT,
  scanStoredData,
} from '../../../bench/abuse/abuse-scenarios';
import { localTableNames } from '../../../contract/tables';
import { breachConfigPathFromEnv } from '../../../functions/config/load-breach-config';
import type { Clock } from '../../../functions/core/ports';
import { type LocalStack, startLocalStack } from '../../../functions/local/local-stack';

/*
 * Issue 8 §5 over HTTP against the local stack as `npm start` runs it, with small limits from a config override and
 * a clock the test moves: each limit (per address per day, per IP per minute, per staff member per hour, assist
 * requests per IP per hour) lets exactly its configured number through, answers the next with 429 and a Retry-After
 * inside its window, and lets the next request through once the clock passes it. Then every DynamoDB item is
 * searched for the raw addresses, IPs, phone number and name the run sent: only keyed hashes may be stored.
 */

const LIMITS: AbuseLimits = {
  checksPerAddressPerDay: 3,
  checksPerIpPerMinute: 7,
  staffLookupsPerHour: 4,
  assistRequestsPerIpPerHour: 2,
};

class MovableClock implements Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

const clock = new MovableClock();
let stack: LocalStack;
let localDir: string;
let proofs: LimitProof[];
let controls: ControlProof[];

beforeAll(async () => {
  localDir = await mkdtemp(join(tmpdir(), 'portal-abuse-'));
  const config = JSON.parse(await readFile(breachConfigPathFromEnv(), 'utf8'));
  const breachConfigPath = join(localDir, 'breach.json');
  await writeFile(breachConfigPath, JSON.stringify({ ...config, limits: LIMITS }));
  stack = await startLocalStack({
    port: 0,
    dynamoDbPort: 0,
    sesPort: 0,
    localDir,
    breachConfigPath,
    buildSite: false,
    generatedCustomers: 20,
    clock,
    logLevel: 'SILENT',
  });
  const control = {
    now: () => clock.now(),
    moveTo: async (epochMs: number) => {
      clock.offsetMs = epochMs - Date.now();
    },
  };
  proofs = await proveAbuseLimits(stack.urls.portal, LIMITS, control);
  controls = [
    ...(await proveHandlerControls()),
    ...(await proveAbuseControlsOverHttp(stack.urls.portal, LIMITS, control)),
  ];
});

afterAll(async () => {
  await stack?.stop();
  await rm(localDir, { recursive: true, force: true });
});

it.each(Object.keys(LIMITS))('%s triggers at its configured value and recovers after its window', (limit) => {
  const proof = proofs.find((candidate) => candidate.limit === limit);
  expect(proof).toMatchObject({
    configured: LIMITS[limit as keyof AbuseLimits],
    acceptedBeforeRefusal: LIMITS[limit as keyof AbuseLimits],
    refusal: { status: 429, code: 'rate_limited' },
  });
  expect(proof && limitHolds(proof)).toBe(true);
});

// docs/security.md: the controls `npm run abuse` prints, each of which must hold.
it.each([
  'direct origin refused',
  'IPv6 /64 counted once',
  'mailbox variants share one allowance',
  'non-ASCII local part refused',
  'identifier in staff text refused',
  'free-text look-up reason refused',
  'call-back queue page size and audit ids',
  'POST /results limited per IP',
])('%s', (name) => {
  const proof = controls.find((candidate) => candidate.control === name);
  expect(proof).toMatchObject({ control: name, holds: true });
});

it('stores only keyed hashes of the addresses and IPs it limited: no raw address, IP, phone or name in any item', async () => {
  await stack.mailSettled();
  const scans = await scanStoredData(stack.urls.dynamoDb, localTableNames(), [
    RAW_VALUES_SENT.limitedAddress,
    '@example.org',
    '@example.nl',
    ...RAW_VALUES_SENT.ipAddresses,
    ...RAW_VALUES_SENT.staffLookupPhoneForms,
    RAW_VALUES_SENT.assistName,
    RAW_VALUES_SENT.assistCustomerNumber,
    RAW_VALUES_SENT.staffPassword,
    'NL91 ABNA',
    'jösé',
  ]);

  for (const scan of scans)
    expect({ table: scan.table, found: scan.rawValuesFound }).toEqual({ table: scan.table, found: [] });
  const counters = scans.find((scan) => scan.table.endsWith('counters'));
  // Not vacuous: the limits' counters are there, under hashed subjects.
  expect(counters?.rateKeyExamples.filter((key) => HASHED_RATE_KEY.test(key))).toHaveLength(4);
  expect(counters?.rateKeyExamples.find((key) => key.startsWith('rate#staff#'))).toMatch(
    /^rate#staff#agent\.anna#\d+$/,
  );
});
