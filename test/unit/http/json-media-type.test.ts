import { jsonMediaType, UnsupportedMediaTypeError } from '../../../functions/http/middleware/json-media-type';
import { apiEvent } from '../check/api-gateway-event';
import { chainOf } from './middleware-chain';

describe('jsonMediaType middleware', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json'])(
    'accepts %s',
    async (contentType) => {
      const { run } = chainOf(jsonMediaType());
      await expect(run(apiEvent({ body: '{}', contentType }))).resolves.toMatchObject({ statusCode: 200 });
    },
  );

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses %s',
    async (contentType) => {
      const { run, seen } = chainOf(jsonMediaType());
      await expect(run(apiEvent({ body: '{}', contentType }))).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
      expect(seen).toHaveLength(0);
    },
  );

  it('refuses a body without a Content-Type', async () => {
    const { run } = chainOf(jsonMediaType());
    await expect(run(apiEvent({ body: '{}', contentType: '' }))).rejects.toMatchObject({
      code: 'unsupported_media_type',
    });
  });
});
