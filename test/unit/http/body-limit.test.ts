import { bodyLimit, MAX_BODY_BYTES, PayloadTooLargeError } from '../../../functions/http/middleware/body-limit';
import { apiEvent } from '../check/api-gateway-event';
import { chainOf } from './middleware-chain';

describe('bodyLimit middleware', () => {
  it('lets a body of exactly the limit through and refuses one byte more', async () => {
    const { run, seen } = chainOf(bodyLimit());
    await run(apiEvent({ body: 'a'.repeat(MAX_BODY_BYTES) }));
    await expect(run(apiEvent({ body: 'a'.repeat(MAX_BODY_BYTES + 1) }))).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(seen).toHaveLength(1);
  });

  it('counts bytes, not characters, and measures a base64 body after decoding it', async () => {
    const { run } = chainOf(bodyLimit());
    // 4 097 × 'é' is 4 097 characters but 8 194 bytes.
    await expect(run(apiEvent({ body: 'é'.repeat(MAX_BODY_BYTES / 2 + 1) }))).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    const encoded = Buffer.alloc(MAX_BODY_BYTES, 'a').toString('base64');
    expect(encoded.length).toBeGreaterThan(MAX_BODY_BYTES);
    await expect(run(apiEvent({ body: encoded, isBase64Encoded: true }))).resolves.toMatchObject({ statusCode: 200 });
  });

  it('does not look at the media type or the content', async () => {
    const { run } = chainOf(bodyLimit());
    await expect(run(apiEvent({ body: '{broken', contentType: 'text/plain' }))).resolves.toMatchObject({
      statusCode: 200,
    });
  });
});
