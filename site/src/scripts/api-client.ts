import { parseRetryAfter } from './retry-after';

/*
 * The islands' only way to the API: same-origin JSON POSTs (CSP connect-src 'self'), with every failure turned into
 * data the page can show. Error bodies follow DESIGN §5: {"error":{"code","message"}}.
 */

export type ApiOutcome =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'error'; status: number; code: string; message: string; retryAfterSeconds?: number }
  | { kind: 'network' };

/** `fetchImpl` is the browser's fetch; tests pass their own. */
export async function postJson(url: string, body: unknown, fetchImpl: typeof fetch = fetch): Promise<ApiOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'network' };
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  // A 2xx only counts when the API itself answered with JSON: a WAF challenge also answers 202, with an HTML page,
  // and treating that as "accepted" would promise a mail that never comes.
  if (response.ok && isRecord(parsed) && !response.headers.has('x-amzn-waf-action')) {
    return { kind: 'ok', status: response.status, body: parsed };
  }
  if (response.ok) return { kind: 'error', status: response.status, code: 'unexpected_response', message: '' };
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {};
  return {
    kind: 'error',
    status: response.status,
    code: typeof error.code === 'string' ? error.code : `http_${response.status}`,
    message: typeof error.message === 'string' ? error.message : '',
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
