import { assistReference } from '../core/assist-reference';
import { assistRequestSchema, mapAssistValidationError } from '../core/check/api-schemas';
import { createAssistRequest } from '../core/check/create-assist-request';
import type { CreateAssistRequestDependencies } from '../dependencies';
import { createHttpHandler } from '../http/http-stack';
import { deployed } from '../wiring/deployed';
import { assistRequestDependencies } from '../wiring/route-dependencies';

/*
 * POST /api/v1/assist-requests → 202 {"status":"accepted","reference":"1A2B-3C4D"}. The request id itself is not
 * returned, only a short reference derived from it (core/assist-reference.ts) that the agent sees in the queue too.
 */

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

export const { handler, create } = deployed(
  'CreateAssistRequest',
  createAssistRequestHandler,
  assistRequestDependencies,
);
