import { InvalidInputError } from '../core/errors';
import { updateAssistRequest } from '../core/staff/assist-queue';
import { assistRequestUpdateSchema } from '../core/staff/staff-requests';
import type { PortalDependencies } from '../dependencies';
import { consoleLanguageOf } from '../http/console-language';
import { createStaffHttpHandler, type StaffAuthDependencies } from '../http/staff-auth';
import { withObservability } from '../observability/powertools';
import { lazyHandler, productionObservability } from '../production';
import { productionStaffUpdateAssistRequestDependencies } from '../production-staff';

/* PATCH /api/v1/staff/assist-requests/{id} {status, note?} → the updated item (without the callback details). */

export type StaffUpdateAssistRequestHandlerDependencies = StaffAuthDependencies &
  Pick<PortalDependencies, 'assistRequests' | 'logger'>;

const REQUEST_ID = /^[\w-]{1,64}$/;

export function createStaffUpdateAssistRequestHandler(deps: StaffUpdateAssistRequestHandlerDependencies) {
  return createStaffHttpHandler(deps, 'update_assist_request', {
    logger: deps.logger,
    originGuard: deps.originGuard,
    schema: assistRequestUpdateSchema,
    handle: async ({ body, event, context }) => {
      const id = event.pathParameters?.id ?? '';
      if (!REQUEST_ID.test(id)) throw new InvalidInputError('invalid_id', 'This is not an assisted-lookup request id.');
      const language = consoleLanguageOf(event, deps.config);
      return { status: 200, body: await updateAssistRequest(deps, context.staffCall, id, body, language) };
    },
  });
}

export const handler = lazyHandler(async () => {
  const { logger, metrics } = productionObservability();
  return withObservability(
    createStaffUpdateAssistRequestHandler(await productionStaffUpdateAssistRequestDependencies()),
    logger,
    metrics,
    'StaffUpdateAssistRequest',
  );
});
