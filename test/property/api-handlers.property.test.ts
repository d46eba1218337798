import fc from 'fast-check';
import { LocalDevSecretBox } from '../../functions/adapters/kms/local-dev-secret-box';
import { createAssistRequestHandler } from '../../functions/handlers/create-assist-request';
import { createCheckHandler } from '../../functions/handlers/create-check';
import { createRedeemResultHandler } from '../../functions/handlers/redeem-result';
import { apiEvent, lambdaContext } from '../unit/check/api-gateway-event';
import { createCheckFixture, exposureFor } from '../unit/check/check-fixture';

/*
 * The public handlers (middy stack included) against whatever a client can put in an API Gateway event: random JSON,
 * wrong types, unknown fields, odd strings, any content type, base64 or not. Every answer must be the success shape
 * or a 4xx with {"error":{"code","message"}}: never a 5xx (bad input is never our fault) and never a throw (which
 * Lambda would turn into a 502). Memory adapters: this is about the request path, not the database.
 */

const RUNS = { seed: 20260207, numRuns: 300 } as const;

const ERROR_SHAPE = {
  error: { code: expect.stringMatching(/^[a-z]+(?:_[a-z]+)*$/), message: expect.any(String) },
};

const oddString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '\ud800', '\u202e', '"', '\\', '@', ' '), maxLength: 20 }),
  fc.emailAddress(),
  fc.constant('x'.repeat(9000)),
);
const anyValue = fc.oneof(oddString, fc.anything(), fc.constant(null), fc.double(), fc.boolean());

/** Bodies near the schema (right keys, wrong or odd values, extra keys) and far from it. */
function bodyFor(keys: readonly string[]) {
  const nearSchema = fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length }),
      fc.dictionary(oddString, anyValue, { maxKeys: 2 }),
      fc.boolean(),
    )
    .map(([known, extra, addExtra]) => JSON.stringify(addExtra ? { ...extra, ...known } : known));
  return fc.oneof(
    nearSchema,
    fc.json(),
    fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
    oddString,
    fc.constant(''),
  );
}

const contentType = fc.option(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/problem+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
    ';;;',
    'application/json; charset=latin1',
  ),
  { nil: undefined },
);

function eventArbitrary(path: string, keys: readonly string[]) {
  return fc
    .record({
      body: bodyFor(keys),
      contentType,
      base64: fc.boolean(),
      sourceIp: fc.ipV4(),
    })
    .map(({ body, contentType: type, base64, sourceIp }) =>
      apiEvent({
        path,
        body: base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
        isBase64Encoded: base64,
        // An empty string means "no content-type header" in apiEvent; undefined means the default JSON one.
        contentType: type,
        sourceIp,
      }),
    );
}

function parsedBody(body: string | undefined): unknown {
  return body ? JSON.parse(body) : undefined;
}

const fixture = createCheckFixture();
const secretBox = new LocalDevSecretBox(new Uint8Array(32).fill(3));
const handlers = {
  check: createCheckHandler(fixture.deps),
  redeem: createRedeemResultHandler(fixture.deps),
  assist: createAssistRequestHandler({ ...fixture.deps, secretBox }),
};

beforeAll(async () => {
  await fixture.stores.exposures.putRecords([exposureFor('fuzz@example.nl', 'subject-fuzz', ['email', 'iban'])]);
});

describe.each([
  {
    name: 'POST /api/v1/checks',
    path: '/api/v1/checks',
    keys: ['email', 'locale'],
    handler: handlers.check,
    success: [202],
  },
  { name: 'POST /api/v1/results', path: '/api/v1/results', keys: ['token'], handler: handlers.redeem, success: [200] },
  {
    name: 'POST /api/v1/assist-requests',
    path: '/api/v1/assist-requests',
    keys: ['name', 'phone', 'customerNumber', 'preferredTime', 'locale', 'message'],
    handler: handlers.assist,
    success: [202],
  },
])('$name', ({ path, keys, handler, success }) => {
  it('answers any event with its success shape or a 4xx error shape, never a 5xx or a throw', async () => {
    await fc.assert(
      fc.asyncProperty(eventArbitrary(path, keys), async (event) => {
        const result = await handler(event, lambdaContext);
        const status = result.statusCode ?? 0;
        const body = parsedBody(result.body);
        if (success.includes(status)) {
          expect(body).toEqual(expect.any(Object));
          expect(body).not.toHaveProperty('error');
          return;
        }
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect(body).toEqual(ERROR_SHAPE);
        expect(result.headers?.['content-type']).toBe('application/json; charset=utf-8');
      }),
      RUNS,
    );
  });
});

it('keeps the accepted answer to a check constant, whatever valid address and locale it names', async () => {
  const accepted = await Promise.all(
    ['fuzz@example.nl', 'not.in.breach@example.nl'].map((email) =>
      handlers.check(apiEvent({ body: JSON.stringify({ email }), sourceIp: '203.0.113.9' }), lambdaContext),
    ),
  );
  expect(accepted[0]).toEqual(accepted[1]);
  await fc.assert(
    fc.asyncProperty(
      fc.emailAddress(),
      fc.option(fc.constantFrom('nl', 'en'), { nil: undefined }),
      fc.ipV4(),
      async (email, locale, sourceIp) => {
        const result = await handlers.check(
          apiEvent({ body: JSON.stringify({ email, locale }), sourceIp }),
          lambdaContext,
        );
        if (result.statusCode === 202) expect(result).toEqual(accepted[0]);
        else expect(parsedBody(result.body)).toEqual(ERROR_SHAPE);
      },
    ),
    { ...RUNS, numRuns: 150 },
  );
});
