import fc from 'fast-check';
import type { RawRequest } from './raw-http';

/*
 * The fuzz corpus (issue 8 §2), as fast-check arbitraries so a seed reproduces a run exactly: random and near-schema
 * JSON with wrong types, huge, Unicode and control-character strings; header abuse (huge and many headers,
 * duplicate or contradictory Content-Type, wrong Content-Length, chunked next to a length); wrong methods; path
 * tricks (../, %2e%2e, double slashes, encoded NULs and backslashes, very long paths, absolute-form targets).
 */

const API_PATHS = [
  '/api/v1/checks',
  '/api/v1/results',
  '/api/v1/assist-requests',
  '/api/v1/staff/lookups',
  '/api/v1/staff/assist-requests',
  '/api/v1/staff/metrics',
];
const BODY_KEYS = ['email', 'locale', 'token', 'name', 'phone', 'customerNumber', 'preferredTime', 'message', 'reason'];

const nastyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u2028',
      '\u202e',
      '\ufeff',
      '\ud800',
      '"',
      '\\',
      '%',
      '@',
    ),
    maxLength: 32,
  }),
  fc.integer({ min: 1_000, max: 20_000 }).map((length) => 'a'.repeat(length)),
  fc.integer({ min: 100, max: 3_000 }).map((length) => `${'é'.repeat(length)}@example.nl`),
  fc.emailAddress(),
);
const anyJsonValue = fc.oneof(
  nastyString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
);

const jsonBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...BODY_KEYS), anyJsonValue, { maxKeys: 4 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '{',
    '{"email":',
    '[]',
    'null',
    '"x"',
    '{"email":"a@b.nl",}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{}}}',
  ),
  fc.integer({ min: 5, max: 12 }).map((depth) => `${'['.repeat(2 ** depth)}${']'.repeat(2 ** depth)}`),
  nastyString,
);

const pathTrick = fc.oneof(
  fc.constantFrom(
    '/../../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/..%2f..%2f.local%2fpepper',
    '/%2e%2e%5c%2e%2e%5cpackage.json',
    '//api/v1/checks',
    '/api//v1/checks',
    '/api/v1/checks/../results',
    '/api/v1/%63hecks',
    '/api/v1/checks%00',
    '/api/v1/checks;.js',
    '/nl/../../../etc/passwd',
    '/.local/pepper',
    '/%00',
    '/%',
    '/%zz',
    '/\\..\\..\\package.json',
    '*',
    'http://127.0.0.1/api/v1/checks',
    'http://[::1',
    '//evil.example/',
    '/api/v1/checks?email=x@y.nl&&&=',
  ),
  fc.integer({ min: 2_000, max: 20_000 }).map((length) => `/${'a'.repeat(length)}`),
  fc.integer({ min: 50, max: 2_000 }).map((count) => `/api${'/..'.repeat(count)}/checks`),
  fc
    .array(fc.constantFrom('..', '.', '', '%2e%2e', '%2f', 'api', 'v1', 'checks', 'nl', '%00', '%c0%ae', 'é'), {
      maxLength: 10,
    })
    .map((segments) => `/${segments.join('/')}`),
);

const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'),
  fc.constantFrom('post', 'FOO', 'G3T', 'PROPFIND', 'M-SEARCH'),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json, text/plain',
  'multipart/form-data; boundary=----x',
  '',
);

/** Extra header lines that abuse the parser or the adapter. */
const headerAbuse = fc.oneof(
  fc.constant<[string, string][]>([]),
  fc.constant<[string, string][]>([
    ['Content-Type', 'application/json'],
    ['Content-Type', 'text/plain'],
  ]),
  fc.integer({ min: 4_000, max: 40_000 }).map((length): [string, string][] => [['X-Huge', 'x'.repeat(length)]]),
  fc
    .integer({ min: 50, max: 300 })
    .map((count) => Array.from({ length: count }, (_, index): [string, string] => [`X-Many-${index}`, 'y'])),
  fc.constant<[string, string][]>([['Transfer-Encoding', 'chunked']]),
  fc.constant<[string, string][]>([['Authorization', 'Bearer not.a.jwt']]),
  fc.constant<[string, string][]>([['Authorization', `Bearer ${'e'.repeat(5_000)}`]]),
  fc.constant<[string, string][]>([
    ['X-Forwarded-For', '1.2.3.4, 5.6.7.8'],
    ['Cookie', 'a=b; c'],
  ]),
  fc.constant<[string, string][]>([
    ['Host', ''],
    ['Host', 'other.example'],
  ]),
  fc.constant<[string, string][]>([['Content-Encoding', 'gzip']]),
  fc
    .string({ unit: fc.constantFrom('a', 'é', ' ', '\t', ':'), minLength: 1, maxLength: 20 })
    .map((value): [string, string][] => [['X-Odd', value]]),
);

const contentLength = fc.oneof(
  { weight: 6, arbitrary: fc.constant<'exact'>('exact') },
  { weight: 1, arbitrary: fc.constant<'none'>('none') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
);

export const malformedRequest: fc.Arbitrary<RawRequest> = fc.oneof(
  // Bodies at the real endpoints.
  fc.record({
    method: fc.constant('POST'),
    target: fc.constantFrom(...API_PATHS),
    headers: fc
      .tuple(contentType, headerAbuse)
      .map(([type, extra]): [string, string][] => [
        ...(type ? [['Content-Type', type] as [string, string]] : []),
        ...extra,
      ]),
    body: jsonBody.map((text) => Buffer.from(text, 'utf8')),
    contentLength,
  }),
  // Wrong methods and path tricks.
  fc.record({
    method,
    target: fc.oneof(fc.constantFrom(...API_PATHS, '/', '/nl/', '/staff/'), pathTrick),
    headers: headerAbuse,
    body: fc.oneof(
      fc.constant(Buffer.alloc(0)),
      jsonBody.map((text) => Buffer.from(text, 'utf8')),
    ),
    contentLength,
  }),
  // Bytes that are not UTF-8, and bodies over the limits.
  fc.record({
    method: fc.constant('POST'),
    target: fc.constantFrom(...API_PATHS),
    headers: fc.constant<[string, string][]>([['Content-Type', 'application/json']]),
    body: fc.oneof(
      fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
      fc
        .integer({ min: 8_000, max: 200_000 })
        .map((length) => Buffer.from(`{"email":"${'a'.repeat(length)}@example.nl"}`)),
    ),
    contentLength,
  }),
);

export function sampleMalformedRequests(count: number, seed: number): RawRequest[] {
  return fc.sample(malformedRequest, { seed, numRuns: count });
}
