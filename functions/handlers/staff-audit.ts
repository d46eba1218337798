import { readAuditLog } from '../core/staff/audit-report';
import { auditQuerySchema, parseStaffQuery } from '../core/staff/staff-requests';
import type { StaffAuditHandlerDependencies } from '../dependencies';
import { createStaffHttpHandler } from '../http/staff-auth';
import { deployed } from '../wiring/deployed';
import { staffAuditDependencies } from '../wiring/route-dependencies';

/* GET /api/v1/staff/audit?from&to&staff&limit (supervisors) → {from, to, rows, truncated}. */

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

export const { handler, create } = deployed('StaffAudit', createStaffAuditHandler, staffAuditDependencies);
