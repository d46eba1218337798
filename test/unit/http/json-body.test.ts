import { jsonBody } from '../../../functions/http/middleware/json-body';
import { apiEvent } from '../check/api-gateway-event';
import { chainOf, lambdaContext } from './middleware-chain';

describe('jsonBody middleware', () => {
  it('puts the parsed body on the context of this request only', async () => {
    const { run, seen } = chainOf(jsonBody());
    await run(apiEvent({ body: '{"email":"a@example.nl","n":[1,2]}' }));
    await run(apiEvent({ body: '"second"' }));
    expect(seen.map((context) => context.json)).toEqual([{ email: 'a@example.nl', n: [1, 2] }, 'second']);
    expect(seen[0]?.functionName).toBe('test');
    expect('json' in lambdaContext).toBe(false);
  });

  it('decodes a base64 body', async () => {
    const { run, seen } = chainOf(jsonBody());
    await run(apiEvent({ body: Buffer.from('{"a":1}').toString('base64'), isBase64Encoded: true }));
    expect(seen[0]?.json).toEqual({ a: 1 });
  });

  it.each([
    ['broken JSON', apiEvent({ body: '{"email":' })],
    ['an empty body', apiEvent({ body: undefined })],
    [
      'bytes that are not UTF-8',
      apiEvent({ body: Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'), isBase64Encoded: true }),
    ],
  ])('refuses %s with 400 invalid_json', async (_name, event) => {
    const { run, seen } = chainOf(jsonBody());
    await expect(run(event)).rejects.toMatchObject({
      code: 'invalid_json',
      message: 'The request body is not valid JSON.',
    });
    expect(seen).toHaveLength(0);
  });
});
