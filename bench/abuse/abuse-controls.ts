import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import breachJson from '../../config/breach.json';
import { ManualClock } from '../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../functions/adapters/memory/memory-stores';
import { parseBreachConfig } from '../../functions/core/breach-config';
import type { OutgoingJob } from '../../functions/core/ports';
import { MAX_ASSIST_PAGE_SIZE } from '../../functions/core/staff/staff-requests';
import { createCheckHandler } from '../../functions/handlers/create-check';
import { fixedOriginGuard, ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-guard';
import { VIEWER_IP_HEADER } from '../../functions/http/viewer-ip';
import { type AbuseLimits, DEMO_STAFF_LOGIN, type PortalClockControl } from './abuse-scenarios';

/*
 * The controls of docs/security.md that `npm run abuse` shows with a figure each. Over HTTP against the running local
 * stack: mailbox variants sharing one allowance, a non-ASCII local part refused, an identifier in a staff note
 * refused, the /results limit, the call-back queue's page size and the ids in its audit row. In process, on the very handler factories
 * the stack mounts (memory stores): a call that skips the origin header — what the public execute-api URL would get —
 * and many addresses of one IPv6 /64 (the local server only ever sees loopback, so these cannot come over HTTP).
 */

export interface ControlProof {
  control: string;
  figure: string;
  holds: boolean;
}

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  body: any;
}

async function call(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      'accept-language': 'en',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function staffToken(portal: string, login: { user: string; password: string }): Promise<string> {
  return (await call(`${portal}/api/v1/local/staff-login`, { body: login })).body.token as string;
}

/** Runs after proveAbuseLimits (the clock has moved on; every key here is new to this run). */
export async function proveAbuseControlsOverHttp(
  portal: string,
  limits: AbuseLimits,
  clock: PortalClockControl,
): Promise<ControlProof[]> {
  const proofs: ControlProof[] = [];
  const limitPerAddress = limits.checksPerAddressPerDay;
  // A fresh minute, so the per-IP limit proven before does not stand in for the mailbox limit.
  await clock.moveTo(clock.now() + 61_000);
  const name = `v${randomBytes(4).toString('hex')}`;
  // One Gmail inbox, spelled five ways: plus tags, dots, googlemail, case.
  const spellings = [`${name}@gmail.com`, `${name}+1@gmail.com`, `${name.slice(0, 3)}.${name.slice(3)}@gmail.com`];
  spellings.push(`${name}@googlemail.com`, `${name.toUpperCase()}+news@gmail.com`);
  const statuses: number[] = [];
  for (let i = 0; i < limitPerAddress + 2; i += 1) {
    statuses.push((await call(`${portal}/api/v1/checks`, { body: { email: spellings[i % spellings.length] } })).status);
  }
  const accepted = statuses.filter((status) => status === 202).length;
  proofs.push({
    control: 'mailbox variants share one allowance',
    figure: `${statuses.length} checks in ${Math.min(statuses.length, spellings.length)} spellings of one inbox: ${accepted} accepted (limit ${limitPerAddress}), then ${statuses.slice(accepted).join(', ')}`,
    holds: accepted === limitPerAddress && statuses.slice(accepted).every((status) => status === 429),
  });

  const nonAscii = await call(`${portal}/api/v1/checks`, { body: { email: 'jösé@example.nl', locale: 'en' } });
  proofs.push({
    control: 'non-ASCII local part refused',
    figure: `${nonAscii.status} ${nonAscii.body?.error?.code}: "${nonAscii.body?.error?.message}"`,
    holds: nonAscii.status === 400 && nonAscii.body?.error?.code === 'invalid_email',
  });

  // More call-back requests than one page holds, within the per-IP hourly limit (the clock moves an hour per batch).
  await fillAssistQueue(portal, MAX_ASSIST_PAGE_SIZE + 3, limits.assistRequestsPerIpPerHour, clock);
  const agent = await staffToken(portal, DEMO_STAFF_LOGIN);
  const queue = `${portal}/api/v1/staff/assist-requests`;
  const page = await call(queue, { token: agent });
  const tooLarge = await call(`${queue}?limit=100`, { token: agent });
  const firstId = page.body?.items?.[0]?.id as string | undefined;
  const note = await call(`${queue}/${firstId ?? 'none'}`, {
    method: 'PATCH',
    token: agent,
    body: { status: 'in_progress', note: 'refund to NL91 ABNA 0417 1643 00, call +31 6 1234 5678' },
  });
  proofs.push({
    control: 'identifier in staff text refused',
    figure: `note with an IBAN and a phone number → ${note.status} ${note.body?.error?.code}: "${note.body?.error?.message}"`,
    holds: note.status === 400 && note.body?.error?.code === 'identifier_in_text',
  });
  const reason = await call(`${portal}/api/v1/staff/lookups`, {
    token: agent,
    body: { type: 'phone', value: '0612345678', reason: 'mail jan@example.nl', ticket: 'INC-1' },
  });
  proofs.push({
    control: 'free-text look-up reason refused',
    figure: `reason "mail jan@example.nl" → ${reason.status} ${reason.body?.error?.code}`,
    holds: reason.status === 400 && reason.body?.error?.code === 'invalid_reason',
  });

  // POST /results: a made-up token per try, as a guesser sends; the limit is the configured default (30 a minute).
  await clock.moveTo(clock.now() + 61_000);
  const resultsLimit = parseBreachConfig(breachJson).limits.resultsPerIpPerMinute;
  const guesses: number[] = [];
  for (let i = 0; i <= resultsLimit; i += 1) {
    guesses.push(
      (await call(`${portal}/api/v1/results`, { body: { token: randomBytes(32).toString('base64url') } })).status,
    );
  }
  proofs.push({
    control: 'POST /results limited per IP',
    figure: `${guesses.length} made-up tokens in a minute: ${guesses.filter((status) => status === 404).length}× 404 token_unknown, then ${guesses.at(-1)}`,
    holds: guesses.slice(0, resultsLimit).every((status) => status === 404) && guesses.at(-1) === 429,
  });

  const supervisor = await staffToken(portal, { user: 'supervisor.sam', password: 'demo-supervisor' });
  const audit = await call(
    `${portal}/api/v1/staff/audit?from=${new Date(clock.now() - 86_400_000).toISOString()}&staff=agent.anna&limit=500`,
    { token: supervisor },
  );
  const shown = (page.body?.items ?? []).map((item: { id: string }) => item.id);
  const row = (audit.body?.rows ?? []).find(
    (candidate: { action: string; detail?: string }) =>
      candidate.action === 'list_assist_requests' && candidate.detail?.includes(`ids=${shown.join(',')}`),
  );
  proofs.push({
    control: 'call-back queue page size and audit ids',
    figure: `page of ${shown.length} (max ${MAX_ASSIST_PAGE_SIZE}); limit=100 → ${tooLarge.status}; audit row lists ${row ? shown.length : 0} ids`,
    holds: shown.length > 0 && shown.length <= MAX_ASSIST_PAGE_SIZE && tooLarge.status === 400 && row !== undefined,
  });
  return proofs;
}

async function fillAssistQueue(portal: string, count: number, perHour: number, clock: PortalClockControl) {
  for (let i = 0; i < count; i += 1) {
    if (i > 0 && i % perHour === 0) await clock.moveTo(clock.now() + 60 * 60 * 1000 + 1000);
    await call(`${portal}/api/v1/assist-requests`, {
      body: { name: `Caller ${i}`, customerNumber: String(100000100 + i), preferredTime: 'mornings' },
    });
  }
}

const lambdaContext = { functionName: 'CreateCheck', awsRequestId: 'abuse' } as unknown as Context;

function checkEvent(email: string, headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /api/v1/checks',
    rawPath: '/api/v1/checks',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: {
      http: { method: 'POST', path: '/api/v1/checks', sourceIp: '130.176.0.1' },
      requestId: 'abuse',
    } as APIGatewayProxyEventV2['requestContext'],
    body: JSON.stringify({ email }),
    isBase64Encoded: false,
  };
}

/** In process, on the handler factory the stack mounts: what the public execute-api URL and an IPv6 /64 would get. */
export async function proveHandlerControls(): Promise<ControlProof[]> {
  const config = parseBreachConfig(breachJson);
  const clock = new ManualClock(Date.parse('2026-03-01T12:00:00Z'));
  const stores = createMemoryStores(clock);
  const jobs: OutgoingJob[] = [];
  let pepperReads = 0;
  const secret = randomBytes(24).toString('base64url');
  const handler = createCheckHandler({
    ...stores,
    config,
    clock,
    logger: { info() {}, warn() {}, error() {} },
    emailQueue: { enqueue: async (job) => void jobs.push(job) },
    originGuard: fixedOriginGuard([secret]),
    pepper: async () => {
      pepperReads += 1;
      return new Uint8Array(32).fill(3);
    },
  });
  const send = async (email: string, headers: Record<string, string>) =>
    (await handler(checkEvent(email, headers), lambdaContext)) as APIGatewayProxyStructuredResultV2;

  const direct = await send('direct@example.nl', { [VIEWER_IP_HEADER]: '203.0.113.1' });
  const guessed = await send('direct@example.nl', {
    [ORIGIN_VERIFY_HEADER]: 'guess',
    [VIEWER_IP_HEADER]: '203.0.113.1',
  });
  const proofs: ControlProof[] = [
    {
      control: 'direct origin refused',
      figure: `no header → ${direct.statusCode}, wrong value → ${guessed.statusCode} ${JSON.parse(guessed.body ?? '{}').error?.code}; pepper reads ${pepperReads}, mails queued ${jobs.length}`,
      holds: direct.statusCode === 403 && guessed.statusCode === 403 && pepperReads === 0 && jobs.length === 0,
    },
  ];

  const limit = config.limits.checksPerIpPerMinute;
  const statuses: number[] = [];
  for (let i = 0; i < limit + 5; i += 1) {
    // A new address of the same /64 for every request, as an attacker with one IPv6 line can.
    const viewer = `2001:db8:4:7:${((i * 7919) % 0x10000).toString(16)}:${randomBytes(2).toString('hex')}::${i + 1}`;
    const answer = await send(`ipv6.${i}@example.nl`, { [ORIGIN_VERIFY_HEADER]: secret, [VIEWER_IP_HEADER]: viewer });
    statuses.push(answer.statusCode ?? 0);
  }
  const accepted = statuses.filter((status) => status === 202).length;
  proofs.push({
    control: 'IPv6 /64 counted once',
    figure: `${statuses.length} addresses in 2001:db8:4:7::/64: ${accepted} accepted (per-IP limit ${limit}/min), ${statuses.length - accepted} refused with 429`,
    holds: accepted === limit && statuses.slice(accepted).every((status) => status === 429),
  });
  return proofs;
}
