import { listAssistQueue } from '../core/staff/assist-queue';
import { assistListQuerySchema, parseStaffQuery } from '../core/staff/staff-requests';
import type { StaffListAssistRequestsHandlerDependencies } from '../dependencies';
import { createStaffHttpHandler } from '../http/staff-auth';
import { deployed } from '../wiring/deployed';
import { staffListAssistRequestsDependencies } from '../wiring/route-dependencies';

/*
 * GET /api/v1/staff/assist-requests?status=open → {items}: the callback queue, details opened with the SecretBox for
 * staff only. The response is no-store (shared stack); nothing of it is logged.
 */

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

export const { handler, create } = deployed(
  'StaffListAssistRequests',
  createStaffListAssistRequestsHandler,
  staffListAssistRequestsDependencies,
);
