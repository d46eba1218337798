import { readDailyMetrics } from '../core/staff/metrics-report';
import { metricsQuerySchema, parseStaffQuery } from '../core/staff/staff-requests';
import type { StaffMetricsHandlerDependencies } from '../dependencies';
import { createStaffHttpHandler } from '../http/staff-auth';
import { deployed } from '../wiring/deployed';
import { staffMetricsDependencies } from '../wiring/route-dependencies';

/* GET /api/v1/staff/metrics?days=N (supervisors, N ≤ 90) → {days: [{day, checks, hits, …}]}, oldest first. */

export function createStaffMetricsHandler(deps: StaffMetricsHandlerDependencies) {
  return createStaffHttpHandler(deps, 'read_metrics', {
    logger: deps.logger,
    originGuard: deps.originGuard,
    handle: async ({ event, context }) => {
      const { days } = parseStaffQuery(metricsQuerySchema, event.queryStringParameters);
      return { status: 200, body: await readDailyMetrics(deps, context.staffCall, days) };
    },
  });
}

export const { handler, create } = deployed('StaffMetrics', createStaffMetricsHandler, staffMetricsDependencies);
