import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPortalClosed, parseBreachConfig } from '../../../functions/core/breach-config';
import { postJson } from '../../../site/src/scripts/api-client';
import { assistFieldError } from '../../../site/src/scripts/assist-api-errors';
import { isClosedNow } from '../../../site/src/scripts/closing-date';
import { stateForError, tokenFromFragment } from '../../../site/src/scripts/result-fragment';
import { minutesFromSeconds, parseRetryAfter } from '../../../site/src/scripts/retry-after';

/* The decisions the browser islands make, without a browser: the DOM code around them is covered by the e2e tests. */

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

describe('postJson', () => {
  it('returns the body of a 2xx answer', async () => {
    await expect(postJson('/api/v1/checks', {}, fakeFetch(202, { status: 'accepted' }))).resolves.toEqual({
      kind: 'ok',
      status: 202,
      body: { status: 'accepted' },
    });
  });

  it('reads the error code, message and Retry-After of a 429', async () => {
    const outcome = await postJson(
      '/api/v1/checks',
      {},
      fakeFetch(429, { error: { code: 'rate_limited', message: 'Too many' } }, { 'retry-after': '150' }),
    );
    expect(outcome).toEqual({
      kind: 'error',
      status: 429,
      code: 'rate_limited',
      message: 'Too many',
      retryAfterSeconds: 150,
    });
  });

  it('names an error without a JSON body by its status', async () => {
    const htmlError: typeof fetch = async () => new Response('<h1>Bad gateway</h1>', { status: 502 });
    await expect(postJson('/api/v1/results', {}, htmlError)).resolves.toMatchObject({
      kind: 'error',
      code: 'http_502',
    });
  });

  it('does not take a WAF challenge (202 with an HTML page) for an accepted check', async () => {
    const challenge: typeof fetch = async () =>
      new Response('<html>challenge</html>', { status: 202, headers: { 'x-amzn-waf-action': 'challenge' } });
    await expect(postJson('/api/v1/checks', {}, challenge)).resolves.toMatchObject({
      kind: 'error',
      code: 'unexpected_response',
    });
  });

  it('reports a failed connection as a network error', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(postJson('/api/v1/results', {}, offline)).resolves.toEqual({ kind: 'network' });
  });

  it('sends JSON by POST', async () => {
    const seen: RequestInit[] = [];
    const recording: typeof fetch = async (_url, init) => {
      seen.push(init ?? {});
      return new Response('{}', { status: 202 });
    };
    await postJson('/api/v1/checks', { email: 'a@b.nl', locale: 'nl' }, recording);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.body).toBe('{"email":"a@b.nl","locale":"nl"}');
    expect(new Headers(seen[0]?.headers).get('content-type')).toBe('application/json');
  });
});

describe('Retry-After as minutes', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('90')).toBe(90);
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('rounds up to whole minutes, never below one', () => {
    expect(minutesFromSeconds(150)).toBe(3);
    expect(minutesFromSeconds(60)).toBe(1);
    expect(minutesFromSeconds(0)).toBe(1);
    expect(minutesFromSeconds(undefined)).toBe(1);
  });
});

describe('the result fragment', () => {
  it('reads the token from #t=… and nothing else', () => {
    expect(tokenFromFragment('#t=AbC-_123')).toBe('AbC-_123');
    expect(tokenFromFragment('t=xyz')).toBe('xyz');
    expect(tokenFromFragment('#x=1')).toBeUndefined();
    expect(tokenFromFragment('')).toBeUndefined();
    expect(tokenFromFragment('#t=')).toBeUndefined();
  });

  it('maps API errors onto the page states', () => {
    expect(stateForError(410, 'token_expired')).toBe('token_expired');
    expect(stateForError(410, 'token_used')).toBe('token_used');
    expect(stateForError(404, 'token_unknown')).toBe('token_unknown');
    expect(stateForError(410, 'gone')).toBe('token_expired');
    expect(stateForError(400, 'invalid_request')).toBe('token_unknown');
  });
});

describe('assist form errors', () => {
  it('ties each API code to its field', () => {
    expect(assistFieldError('invalid_phone', '')).toEqual({ field: 'phone', messageKey: 'invalid_phone' });
    expect(assistFieldError('invalid_customer_number', '')?.field).toBe('customerNumber');
    expect(assistFieldError('missing_contact', '')).toEqual({ field: 'phone', messageKey: 'need_contact' });
    expect(assistFieldError('invalid_preferred_time', '')?.field).toBe('preferredTime');
  });

  it('finds the field named in a schema error message', () => {
    expect(assistFieldError('invalid_request', 'Invalid value for "message": Too big.')?.field).toBe('message');
    expect(assistFieldError('unknown_field', 'Unknown field "x".')).toBeUndefined();
  });
});

describe('closing date at run time', () => {
  it('closes the day after the closing date, in UTC', () => {
    expect(isClosedNow('2027-02-07', new Date('2027-02-07T23:59:59Z'))).toBe(false);
    expect(isClosedNow('2027-02-07', new Date('2027-02-08T00:00:00Z'))).toBe(true);
  });

  it("agrees with the backend's isPortalClosed", () => {
    const config = parseBreachConfig(JSON.parse(readFileSync(join(__dirname, '../../../config/breach.json'), 'utf8')));
    const closing = Date.parse(`${config.closingDate}T12:00:00Z`);
    for (const offsetHours of [-48, -13, -12, 0, 11, 12, 13, 48]) {
      const now = new Date(closing + offsetHours * 3_600_000);
      expect(isClosedNow(config.closingDate, now)).toBe(isPortalClosed(config, now));
    }
  });
});
