import { assistReference } from '../core/assist-reference';
import { assistRequestSchema, mapAssistValidationError } from '../core/check/api-schemas';
import { createAssistRequest } from '../core/check/create-assist-request';
import type { PortalDependencies } from '../dependencies';
import { createHttpHandler } from '../http/http-stack';
import { withObservability } from '../observability/powertools';
import { lazyHandler, productionAssistRequestDependencies, productionObservability } from '../production';

/*
 * POST /api/v1/assist-requests → 202 {"status":"accepted","reference":"1A2B-3C4D"}. The request id itself is not
 * returned, only a short reference derived from it (core/assist-reference.ts) that the agent sees in the queue too.
 */

export type CreateAssistRequestDependencies = Pick<
  PortalDependencies,
  'originGuard' | 'config' | 'pepper' | 'assistRequests' | 'counters' | 'secretBox' | 'clock' | 'logger'
>;

export function createAssistRequestHandler(deps: CreateAssistRequestDependencies) {
  return createHttpHandler({
    logger: deps.logger,
    originGuard: deps.originGuard,
    schema: assistRequestSchema,
    mapValidationError: mapAssistValidationError,
    handle: async ({ body, sourceIp }) => {
      const { id } = await createAssistRequest(deps, { ...body, sourceIp });
      return { status: 202, body: { status: 'accepted', reference: assistReference(id) } };
    },
  });
}

export const handler = lazyHandler(async () => {
  const { logger, metrics } = productionObservability();
  return withObservability(
    createAssistRequestHandler(await productionAssistRequestDependencies()),
    logger,
    metrics,
    'CreateAssistRequest',
  );
});
