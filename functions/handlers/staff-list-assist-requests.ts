import { listAssistQueue } from '../core/staff/assist-queue';
import { assistListQuerySchema, parseStaffQuery } from '../core/staff/staff-requests';
import type { PortalDependencies } from '../dependencies';
import { createStaffHttpHandler, type StaffAuthDependencies } from '../http/staff-auth';
import { withObservability } from '../observability/powertools';
import { lazyHandler, productionObservability } from '../production';
import { productionStaffListAssistRequestsDependencies } from '../production-staff';

/*
 * GET /api/v1/staff/assist-requests?status=open → {items}: the callback queue, details opened with the SecretBox for
 * staff only. The response is no-store (shared stack); nothing of it is logged.
 */

export type StaffListAssistRequestsHandlerDependencies = StaffAuthDependencies &
  Pick<PortalDependencies, 'assistRequests' | 'secretBox' | 'counters' | 'logger'>;

export function createStaffListAssistRequestsHandler(deps: StaffListAssistRequestsHandlerDependencies) {
  return createStaffHttpHandler(deps, 'list_assist_requests', {
    logger: deps.logger,
    originGuard: deps.originGuard,
    handle: async ({ event, context }) => {
      const query = parseStaffQuery(assistListQuerySchema, event.queryStringParameters);
      return { status: 200, body: { items: await listAssistQueue(deps, context.staffCall, query) } };
    },
  });
}

export const handler = lazyHandler(async () => {
  const { logger, metrics } = productionObservability();
  return withObservability(
    createStaffListAssistRequestsHandler(await productionStaffListAssistRequestsDependencies()),
    logger,
    metrics,
    'StaffListAssistRequests',
  );
});
