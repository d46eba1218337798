import { readDailyMetrics } from '../core/staff/metrics-report';
import { metricsQuerySchema, parseStaffQuery } from '../core/staff/staff-requests';
import type { PortalDependencies } from '../dependencies';
import { createStaffHttpHandler, type StaffAuthDependencies, staffCallOf } from '../http/staff-auth';

/* GET /api/v1/staff/metrics?days=N (supervisors, N ≤ 90) → {days: [{day, checks, hits, …}]}, oldest first. */

export type StaffMetricsHandlerDependencies = StaffAuthDependencies & Pick<PortalDependencies, 'counters' | 'logger'>;

export function createStaffMetricsHandler(deps: StaffMetricsHandlerDependencies) {
  return createStaffHttpHandler(deps, 'read_metrics', {
    logger: deps.logger,
    handle: async ({ event }) => {
      const { days } = parseStaffQuery(metricsQuerySchema, event.queryStringParameters);
      return { status: 200, body: await readDailyMetrics(deps, staffCallOf(event), days) };
    },
  });
}
