import { readAuditLog } from '../core/staff/audit-report';
import { auditQuerySchema, parseStaffQuery } from '../core/staff/staff-requests';
import type { PortalDependencies } from '../dependencies';
import { createStaffHttpHandler, type StaffAuthDependencies } from '../http/staff-auth';
import { withObservability } from '../observability/powertools';
import { lazyHandler, productionObservability } from '../production';
import { productionStaffAuditDependencies } from '../production-staff';

/* GET /api/v1/staff/audit?from&to&staff&limit (supervisors) → {from, to, rows, truncated}. */

export type StaffAuditHandlerDependencies = StaffAuthDependencies & Pick<PortalDependencies, 'logger'>;

export function createStaffAuditHandler(deps: StaffAuditHandlerDependencies) {
  return createStaffHttpHandler(deps, 'read_audit', {
    logger: deps.logger,
    originGuard: deps.originGuard,
    handle: async ({ event, context }) => {
      const query = parseStaffQuery(auditQuerySchema, event.queryStringParameters);
      return { status: 200, body: await readAuditLog(deps, context.staffCall, query) };
    },
  });
}

export const handler = lazyHandler(async () => {
  const { logger, metrics } = productionObservability();
  return withObservability(
    createStaffAuditHandler(await productionStaffAuditDependencies()),
    logger,
    metrics,
    'StaffAudit',
  );
});
