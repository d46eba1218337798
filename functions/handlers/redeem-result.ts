import { resultRequestSchema } from '../core/check/api-schemas';
import { redeemResult } from '../core/check/redeem-result';
import type { RedeemResultDependencies } from '../dependencies';
import { createHttpHandler } from '../http/http-stack';
import { deployed } from '../wiring/deployed';
import { redeemResultDependencies } from '../wiring/route-dependencies';

/*
 * POST /api/v1/results {"token"} → 200 with the result; 404 token_unknown, 410 token_expired | token_used;
 * 429 rate_limited past config.limits.resultsPerIpPerMinute.
 * A POST (not a GET on the link) so that mail scanners prefetching links cannot burn a token.
 */

export function createRedeemResultHandler(deps: RedeemResultDependencies) {
  return createHttpHandler({
    logger: deps.logger,
    originGuard: deps.originGuard,
    schema: resultRequestSchema,
    handle: async ({ body, sourceIp }) => ({ status: 200, body: await redeemResult(deps, body.token, sourceIp) }),
  });
}

export const { handler, create } = deployed('RedeemResult', createRedeemResultHandler, redeemResultDependencies);
