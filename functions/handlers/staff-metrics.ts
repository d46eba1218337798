import { readDailyMetrics } from '../core/staff/metrics-report';
import { metricsQuerySchema, parseStaffQuery } from '../core/staff/staff-requests';
import type { PortalDependencies } from '../dependencies';
import { createStaffHttpHandler, type StaffAuthDependencies } from '../http/staff-auth';
import { withObservability } from '../observability/powertools';
import { lazyHandler, productionObservability } from '../production';
import { productionStaffMetricsDependencies } from '../production-staff';

/* GET /api/v1/staff/metrics?days=N (supervisors, N ≤ 90) → {days: [{day, checks, hits, …}]}, oldest first. */

export type StaffMetricsHandlerDependencies = StaffAuthDependencies & Pick<PortalDependencies, 'counters' | 'logger'>;

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

export const handler = lazyHandler(async () => {
  const { logger, metrics } = productionObservability();
  return withObservability(
    createStaffMetricsHandler(await productionStaffMetricsDependencies()),
    logger,
    metrics,
    'StaffMetrics',
  );
});
