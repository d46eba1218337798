import { type RawOutcome, type RawRequest, sendRaw } from './raw-http';

/*
 * Sends fuzz requests with bounded concurrency and judges every outcome: a 5xx, an API answer that is neither the
 * error shape nor a success, or a body that shows a file from outside the site is a finding. A connection the server
 * closes without an answer (Node's parser refusing a malformed request after a half-close) is counted, not a finding.
 */

export interface FuzzFinding {
  reason: string;
  request: string;
  outcome: string;
}

export interface FuzzTally {
  sent: number;
  /** Per outcome: the status code, or 'closed' / 'timeout'. */
  outcomes: Map<string, number>;
  findings: FuzzFinding[];
}

// Strings that would only appear in an answer if a path trick had escaped the site folder.
const OUTSIDE_THE_SITE = ['"name": "breach-lookup-portal"', 'root:x:0:0', '"compilerOptions"'];

function describe(request: RawRequest): string {
  const target =
    request.target.length > 80 ? `${request.target.slice(0, 80)}…(${request.target.length})` : request.target;
  const headers = request.headers.map(([name, value]) => `${name}(${value.length})`).join(',');
  return `${request.method} ${target} headers[${headers}] body(${request.body.byteLength}) length=${request.contentLength}`;
}

function isApiTarget(target: string): boolean {
  try {
    return new URL(target, 'http://local').pathname.startsWith('/api/');
  } catch {
    return false;
  }
}

function judge(request: RawRequest, outcome: RawOutcome): string | undefined {
  if (outcome.kind !== 'answered') return undefined;
  if (outcome.status >= 500) return `status ${outcome.status}`;
  if (OUTSIDE_THE_SITE.some((marker) => outcome.body.includes(marker))) return 'served a file from outside the site';
  const json = outcome.headers['content-type']?.startsWith('application/json');
  if (isApiTarget(request.target) && json && outcome.status >= 400 && request.method !== 'HEAD') {
    let body: unknown;
    try {
      body = JSON.parse(outcome.body);
    } catch {
      return 'API error body is not JSON';
    }
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== 'string' || !/^[a-z_]+$/.test(error.code) || typeof error.message !== 'string') {
      return 'API error without the {"error":{"code","message"}} shape';
    }
  }
  return undefined;
}

export async function runFuzzRound(
  portalUrl: string,
  requests: readonly RawRequest[],
  { concurrency = 16, timeoutMs = 5_000 } = {},
): Promise<FuzzTally> {
  const tally: FuzzTally = { sent: 0, outcomes: new Map(), findings: [] };
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as RawRequest;
      const outcome = await sendRaw(portalUrl, request, timeoutMs);
      tally.sent += 1;
      const key = outcome.kind === 'answered' ? String(outcome.status) : outcome.kind;
      tally.outcomes.set(key, (tally.outcomes.get(key) ?? 0) + 1);
      const reason = judge(request, outcome);
      if (reason) {
        const shown = outcome.kind === 'answered' ? `${outcome.status} ${outcome.body.slice(0, 200)}` : outcome.kind;
        tally.findings.push({ reason, request: describe(request), outcome: shown });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tally;
}

export function formatOutcomes(outcomes: Map<string, number>): string {
  return [...outcomes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `${key}×${count}`)
    .join('  ');
}
