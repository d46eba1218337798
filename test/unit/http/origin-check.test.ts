import { ForbiddenOriginError, originCheck } from '../../../functions/http/middleware/origin-check';
import { fixedOriginGuard, ORIGIN_VERIFY_HEADER } from '../../../functions/http/origin-guard';
import { CDN_HEADERS, testOriginGuard } from '../../support/test-origin';
import { apiEvent } from '../check/api-gateway-event';
import { chainOf } from './middleware-chain';

describe('originCheck middleware', () => {
  it('lets a request through CloudFront reach the handler', async () => {
    const { run, seen } = chainOf(originCheck(testOriginGuard));
    expect(await run(apiEvent())).toMatchObject({ statusCode: 200 });
    expect(seen).toHaveLength(1);
    expect(CDN_HEADERS[ORIGIN_VERIFY_HEADER]).toBeDefined();
  });

  it('refuses a caller without the header or with a wrong value before the handler runs', async () => {
    const { run, seen } = chainOf(originCheck(fixedOriginGuard(['another-secret'])));
    await expect(run(apiEvent())).rejects.toBeInstanceOf(ForbiddenOriginError);
    await expect(run(apiEvent({ withoutCdnHeader: true }))).rejects.toMatchObject({ code: 'forbidden_origin' });
    expect(seen).toHaveLength(0);
  });
});
