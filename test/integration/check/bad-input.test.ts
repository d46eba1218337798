import { LocalDevSecretBox } from '../../../functions/adapters/kms/local-dev-secret-box';
import { parseAssistRequestDetails } from '../../../functions/core/check/create-assist-request';
import { createAssistRequestHandler } from '../../../functions/handlers/create-assist-request';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';
import { testOriginGuard } from '../../support/test-origin';
import { apiEvent, type EventOptions, invoke } from '../../unit/check/api-gateway-event';
import { config, RecordingLogger, TEST_PEPPER } from '../../unit/check/check-fixture';
import { type CheckStack, startCheckStack } from './check-stack';

/*
 * Hostile and broken input against the real handlers on dynalite: every case is a 4xx with
 * {"error":{"code","message"}} and a stable code, never a 5xx, and nothing is mailed.
 */

let stack: CheckStack;
let dynamo: TestDynamo;

beforeAll(async () => {
  [stack, dynamo] = await Promise.all([startCheckStack(), startDynamo()]);
});

afterAll(() => Promise.all([stack.stop(), dynamo.stop()]));

const json = (value: unknown) => JSON.stringify(value);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const CASES: { name: string; event: EventOptions; status: number; code: string }[] = [
  { name: 'an empty body', event: { body: '' }, status: 400, code: 'invalid_json' },
  { name: 'a missing email', event: { body: json({}) }, status: 400, code: 'invalid_email' },
  { name: 'an invalid email', event: { body: json({ email: 'anna@' }) }, status: 400, code: 'invalid_email' },
  {
    name: 'an email with spaces inside',
    event: { body: json({ email: 'an na@example.nl' }) },
    status: 400,
    code: 'invalid_email',
  },
  { name: 'an email as a number', event: { body: json({ email: 12 }) }, status: 400, code: 'invalid_email' },
  {
    name: 'an email as an array',
    event: { body: json({ email: ['a@example.nl'] }) },
    status: 400,
    code: 'invalid_email',
  },
  { name: 'an email as null', event: { body: json({ email: null }) }, status: 400, code: 'invalid_email' },
  { name: 'an email as an object', event: { body: json({ email: { $ne: '' } }) }, status: 400, code: 'invalid_email' },
  {
    name: 'a locale of the wrong type',
    event: { body: json({ email: 'a@example.nl', locale: 1 }) },
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'an email and a phone number in one check',
    event: { body: json({ email: 'a@example.nl', phone: '0612345678' }) },
    status: 400,
    code: 'email_or_phone',
  },
  {
    name: 'an unknown field',
    event: { body: json({ email: 'a@example.nl', customerNumber: '123456789' }) },
    status: 400,
    code: 'unknown_field',
  },
  {
    name: 'a __proto__ key',
    event: { body: '{"email":"a@example.nl","__proto__":{"admin":true}}' },
    status: 400,
    code: 'unknown_field',
  },
  { name: 'a JSON array', event: { body: json([{ email: 'a@example.nl' }]) }, status: 400, code: 'invalid_request' },
  { name: 'a JSON string', event: { body: json('a@example.nl') }, status: 400, code: 'invalid_request' },
  { name: 'JSON null', event: { body: 'null' }, status: 400, code: 'invalid_request' },
  { name: 'broken JSON', event: { body: '{"email": "a@example.nl"' }, status: 400, code: 'invalid_json' },
  {
    name: 'invalid UTF-8',
    event: { body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]).toString('base64'), isBase64Encoded: true },
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'a huge string within 8 KiB',
    event: { body: json({ email: `${'a'.repeat(7000)}@example.nl` }) },
    status: 400,
    code: 'invalid_email',
  },
  {
    name: 'deeply nested JSON',
    event: { body: `${'['.repeat(3000)}${']'.repeat(3000)}` },
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'a body over 8 KiB',
    event: { body: json({ email: `${'a'.repeat(9000)}@example.nl` }) },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'a base64 body over 8 KiB once decoded',
    event: { body: base64(json({ email: 'a'.repeat(9000) })), isBase64Encoded: true },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'a base64 body of broken JSON',
    event: { body: base64('{"email":'), isBase64Encoded: true },
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'text/plain',
    event: { body: json({ email: 'a@example.nl' }), contentType: 'text/plain' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a form post',
    event: { body: 'email=a%40example.nl', contentType: 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'no content type',
    event: { body: json({ email: 'a@example.nl' }), contentType: '' },
    status: 415,
    code: 'unsupported_media_type',
  },
];

describe('POST /api/v1/checks with bad input', () => {
  it.each(CASES)('answers $name with $status $code', async ({ event, status, code }) => {
    const response = await invoke(stack.checkHandler, apiEvent(event));
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('accepts a valid base64-encoded JSON body as API Gateway may send it', async () => {
    const response = await invoke(
      stack.checkHandler,
      apiEvent({ body: base64(json({ email: 'b64@example.nl' })), isBase64Encoded: true }),
    );
    expect(response.status).toBe(202);
  });

  it('mailed nobody for any rejected request', async () => {
    await stack.queue.idle();
    const recipients = (await stack.ses.readStore()).flatMap((mail) => mail.destination.to);
    expect(recipients).toEqual(['b64@example.nl']);
    expect(stack.logger.lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});

describe('POST /api/v1/assist-requests on dynalite', () => {
  it('stores a sealed request and rejects broken ones with 4xx', async () => {
    const stores = dynamo.stores();
    const secretBox = new LocalDevSecretBox(new Uint8Array(32).fill(9));
    const handler = createAssistRequestHandler({
      config,
      pepper: async () => TEST_PEPPER,
      assistRequests: stores.assistRequests,
      counters: stores.counters,
      secretBox,
      clock: { now: () => Date.now() },
      logger: new RecordingLogger(),
      originGuard: testOriginGuard,
    });
    const post = (body: string, contentType?: string) =>
      invoke(handler, apiEvent({ body, contentType, path: '/api/v1/assist-requests' }));

    const accepted = await post(
      json({ name: 'Piet', customerNumber: '123456789', preferredTime: 'morning', locale: 'nl' }),
    );
    expect(accepted).toMatchObject({ status: 202, body: { status: 'accepted' } });
    const [stored] = await stores.assistRequests.listByStatus('open', 10);
    expect(parseAssistRequestDetails(await secretBox.open(stored?.sealedDetails ?? ''))).toMatchObject({
      name: 'Piet',
      customerNumber: '123456789',
    });

    for (const [body, contentType] of [
      ['{', undefined],
      [json({ name: 'x' }), undefined],
      [json({}), 'text/plain'],
    ] as const) {
      const response = await post(body, contentType);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});
