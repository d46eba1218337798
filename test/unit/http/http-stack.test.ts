import { z } from 'zod';
import { createHttpHandler, type HttpRequest } from '../../../functions/http/http-stack';
import { MAX_BODY_BYTES } from '../../../functions/http/middleware/body-limit';
import { testOriginGuard } from '../../support/test-origin';
import { apiEvent, type EventOptions, invoke } from '../check/api-gateway-event';
import { RecordingLogger } from '../staff/staff-fixture';

/* The stack's order: each refusal is the first check the request fails, so a caller learns nothing beyond it. */

const handled: HttpRequest<unknown>[] = [];
const handler = createHttpHandler({
  logger: new RecordingLogger(),
  originGuard: testOriginGuard,
  schema: z.strictObject({ name: z.string() }),
  handle: async (request) => {
    handled.push(request);
    return { status: 201, body: { hello: request.body.name } };
  },
});

const tooLarge = `{"name":"${'x'.repeat(MAX_BODY_BYTES)}"}`;
const codeFor = async (options: EventOptions) =>
  ((await invoke(handler, apiEvent(options))).body as { error: { code: string } }).error.code;

describe('the HTTP stack', () => {
  it('refuses in the order origin → size → media type → JSON → schema', async () => {
    const allWrong = { withoutCdnHeader: true, body: tooLarge, contentType: 'text/plain' };
    expect(await codeFor(allWrong)).toBe('forbidden_origin');
    expect(await codeFor({ ...allWrong, withoutCdnHeader: false })).toBe('payload_too_large');
    expect(await codeFor({ body: '{broken', contentType: 'text/plain' })).toBe('unsupported_media_type');
    expect(await codeFor({ body: '{broken' })).toBe('invalid_json');
    expect(await codeFor({ body: '{"name":1}' })).toBe('invalid_request');
    expect(handled).toHaveLength(0);
  });

  it('hands the handler the validated body and the viewer address, and answers with the shared headers', async () => {
    const response = await invoke(handler, apiEvent({ body: '{"name":"Anna"}', sourceIp: '198.51.100.7' }));
    expect(response).toEqual({
      status: 201,
      headers: expect.objectContaining({
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
      }),
      body: { hello: 'Anna' },
    });
    expect(handled.at(-1)).toMatchObject({ body: { name: 'Anna' }, sourceIp: '198.51.100.7' });
  });

  it('reads the body only after the middlewares the deployed handler adds (log context, cold-start metric)', async () => {
    const order: string[] = [];
    const observed = createHttpHandler({
      logger: new RecordingLogger(),
      originGuard: testOriginGuard,
      schema: z.strictObject({ name: z.string() }),
      handle: async () => ({ status: 200 }),
    }).use({
      before: () => {
        order.push('observability before');
      },
      onError: (request) => {
        order.push(`observability onError: ${(request.error as { code?: string }).code}`);
      },
    });
    expect((await invoke(observed, apiEvent({ body: '{broken' }))).status).toBe(400);
    expect(order).toEqual(['observability before', 'observability onError: invalid_json']);
  });

  it('does not read a body on a route without a schema', async () => {
    const get = createHttpHandler({
      logger: new RecordingLogger(),
      originGuard: testOriginGuard,
      handle: async ({ body }) => ({ status: 200, body: { body: body ?? null } }),
    });
    const response = await invoke(get, apiEvent({ method: 'GET', body: '{broken', contentType: 'text/plain' }));
    expect(response).toMatchObject({ status: 200, body: { body: null } });
  });
});
