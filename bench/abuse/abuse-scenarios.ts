import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { TableNames } from '../../contract/tables';

/*
 * The abuse limits (DESIGN §5: per address per day, per IP per minute, per staff member per hour, assist requests
 * per IP per hour), proven over HTTP against a running local stack whose clock the caller controls: each limit must
 * let exactly its configured number through, refuse the next with 429 rate_limited and a Retry-After within its
 * window, and let requests through again once the clock has passed that Retry-After. Each scenario starts at the
 * beginning of a fresh UTC day, so every window (minute, hour, day) is empty and aligned. Shared by
 * `npm run abuse` (stack in a child process) and the reliability test (stack in the test's process).
 */

export interface AbuseLimits {
  checksPerAddressPerDay: number;
  checksPerIpPerMinute: number;
  staffLookupsPerHour: number;
  assistRequestsPerIpPerHour: number;
}

export interface PortalClockControl {
  /** The portal's current time (epoch ms). */
  now(): number;
  /** Moves the portal's clock to `epochMs` (it keeps running from there). */
  moveTo(epochMs: number): Promise<void>;
}

export interface LimitProof {
  limit: keyof AbuseLimits;
  configured: number;
  /** Requests answered with the success status before the first 429. */
  acceptedBeforeRefusal: number;
  refusal: { status: number; code: string; retryAfterSeconds: number };
  /** Longest Retry-After this window allows. */
  windowSeconds: number;
  /** Status of the same request once the clock passed Retry-After. */
  afterWindowStatus: number;
}

export const DEMO_STAFF_LOGIN = { user: 'agent.anna', password: 'demo-agent' };
/** What the scenarios send in clear: none of it may appear in any stored item. */
export const RAW_VALUES_SENT = {
  limitedAddress: 'Abuse.Limited@Example.org',
  ipAddresses: ['127.0.0.1', '::ffff:127.0.0.1', '::1'],
  staffLookupPhone: '06 12345678',
  staffLookupPhoneForms: ['+31612345678', '0612345678', '06 12345678'],
  assistName: 'Jan Misbruik',
  assistCustomerNumber: '100000001',
  staffPassword: 'demo-agent',
};

interface JsonAnswer {
  status: number;
  code: string;
  retryAfterSeconds: number;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let code = '';
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    code = '';
  }
  return {
    status: response.status,
    code,
    retryAfterSeconds: Number(response.headers.get('retry-after') ?? Number.NaN),
  };
}

/** Start of the UTC day after `epochMs`, plus a second (so no window boundary is crossed by accident). */
function nextDayStart(epochMs: number): number {
  const day = 24 * 60 * 60 * 1000;
  return Math.floor(epochMs / day) * day + day + 1000;
}

async function proveLimit(input: {
  limit: keyof AbuseLimits;
  limits: AbuseLimits;
  windowSeconds: number;
  clock: PortalClockControl;
  successStatus: number;
  send: (attempt: number) => Promise<JsonAnswer>;
}): Promise<LimitProof> {
  await input.clock.moveTo(nextDayStart(input.clock.now()));
  const configured = input.limits[input.limit];
  let accepted = 0;
  let refusal: JsonAnswer | undefined;
  // Bounded: twice the limit is enough to see it trigger, or to prove it did not.
  for (let attempt = 0; attempt < configured * 2 + 1 && !refusal; attempt++) {
    const answer = await input.send(attempt);
    if (answer.status === input.successStatus) accepted += 1;
    else refusal = answer;
  }
  const refused = refusal ?? { status: 0, code: 'never refused', retryAfterSeconds: Number.NaN };
  await input.clock.moveTo(
    input.clock.now() + (Number.isFinite(refused.retryAfterSeconds) ? refused.retryAfterSeconds : 0) * 1000,
  );
  const after = await input.send(configured * 2 + 2);
  return {
    limit: input.limit,
    configured,
    acceptedBeforeRefusal: accepted,
    refusal: { status: refused.status, code: refused.code, retryAfterSeconds: refused.retryAfterSeconds },
    windowSeconds: input.windowSeconds,
    afterWindowStatus: after.status,
  };
}

export async function proveAbuseLimits(
  portal: string,
  limits: AbuseLimits,
  clock: PortalClockControl,
): Promise<LimitProof[]> {
  const checks = `${portal}/api/v1/checks`;
  const proofs: LimitProof[] = [];

  proofs.push(
    await proveLimit({
      limit: 'checksPerAddressPerDay',
      limits,
      windowSeconds: 24 * 60 * 60,
      clock,
      successStatus: 202,
      // One address, written differently each time: the limit counts the normalised address.
      send: (attempt) =>
        post(checks, {
          email: attempt % 2 ? RAW_VALUES_SENT.limitedAddress : ` ${RAW_VALUES_SENT.limitedAddress.toLowerCase()} `,
        }),
    }),
  );
  proofs.push(
    await proveLimit({
      limit: 'checksPerIpPerMinute',
      limits,
      windowSeconds: 60,
      clock,
      successStatus: 202,
      send: (attempt) => post(checks, { email: `abuse.ip.${attempt}.${clock.now()}@example.org` }),
    }),
  );

  const login = await fetch(`${portal}/api/v1/local/staff-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_STAFF_LOGIN),
  });
  const { token } = (await login.json()) as { token: string };
  proofs.push(
    await proveLimit({
      limit: 'staffLookupsPerHour',
      limits,
      windowSeconds: 60 * 60,
      clock,
      successStatus: 200,
      send: (attempt) =>
        post(
          `${portal}/api/v1/staff/lookups`,
          {
            type: 'phone',
            value: RAW_VALUES_SENT.staffLookupPhone,
            reason: 'caller_asked_what_leaked',
            ticket: `INC-${attempt + 1}`,
          },
          { authorization: `Bearer ${token}` },
        ),
    }),
  );
  proofs.push(
    await proveLimit({
      limit: 'assistRequestsPerIpPerHour',
      limits,
      windowSeconds: 60 * 60,
      clock,
      successStatus: 202,
      send: () =>
        post(`${portal}/api/v1/assist-requests`, {
          name: RAW_VALUES_SENT.assistName,
          customerNumber: RAW_VALUES_SENT.assistCustomerNumber,
          preferredTime: 'evenings',
        }),
    }),
  );
  return proofs;
}

/** A limit is proven when exactly `configured` got through, the next was a 429 within the window, then one passed. */
export function limitHolds(
  proof: LimitProof,
  successStatus = proof.limit === 'staffLookupsPerHour' ? 200 : 202,
): boolean {
  return (
    proof.acceptedBeforeRefusal === proof.configured &&
    proof.refusal.status === 429 &&
    proof.refusal.code === 'rate_limited' &&
    proof.refusal.retryAfterSeconds >= 1 &&
    proof.refusal.retryAfterSeconds <= proof.windowSeconds &&
    proof.afterWindowStatus === successStatus
  );
}

export interface StoredDataScan {
  table: string;
  items: number;
  /** Raw values sent during the run that appear anywhere in an item of this table (must be empty). */
  rawValuesFound: string[];
  /** Examples of how rate-limit subjects are stored (counters table only). */
  rateKeyExamples: string[];
}

/** Every item of every table, searched for the raw values the run sent (case-insensitive, anywhere in the item). */
export async function scanStoredData(
  dynamoEndpoint: string,
  tableNames: TableNames,
  rawValues: readonly string[],
): Promise<StoredDataScan[]> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: dynamoEndpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  try {
    const scans: StoredDataScan[] = [];
    for (const table of Object.values(tableNames)) {
      const items: Record<string, unknown>[] = [];
      for await (const page of paginateScan({ client }, { TableName: table })) items.push(...(page.Items ?? []));
      const text = items.map((item) => JSON.stringify(item).toLowerCase());
      const found = rawValues.filter((value) => text.some((item) => item.includes(value.toLowerCase())));
      const rateKeys = items.map((item) => String(item.counterKey ?? '')).filter((key) => key.startsWith('rate#'));
      const examples = ['mailbox', 'ip', 'assist-ip', 'results-ip', 'staff'].flatMap(
        (subject) => rateKeys.find((key) => key.startsWith(`rate#${subject}#`)) ?? [],
      );
      scans.push({ table, items: items.length, rawValuesFound: found, rateKeyExamples: examples });
    }
    return scans;
  } finally {
    client.destroy();
  }
}

/** Rate keys name a keyed hash for customers' addresses and IPs; only the staff key names the employee's login. */
export const HASHED_RATE_KEY = /^rate#(?:(?:ip|assist-ip|results-ip)#[A-Za-z0-9_-]{43}#\d+|mailbox#[A-Za-z0-9_-]{43})$/;
