import { DAILY_METRICS, type DailyMetric, dailyMetricKey, utcDay } from '../check/daily-metrics';
import type { Clock, CounterStore } from '../ports';
import type { StaffCallAudit } from './audit-trail';

/*
 * GET /api/v1/staff/metrics?days=N (supervisors): the daily counters the public and staff flows keep, oldest day
 * first so the console can chart them left to right. Counts only: the keys hold no identifier.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type DailyMetricsRow = { day: string } & Record<DailyMetric, number>;

export async function readDailyMetrics(
  deps: { counters: CounterStore; clock: Clock },
  call: StaffCallAudit,
  days: number,
): Promise<{ days: DailyMetricsRow[] }> {
  const today = Date.parse(`${utcDay(deps.clock.now())}T00:00:00.000Z`);
  const dayNames = Array.from({ length: days }, (_, index) => utcDay(today - (days - 1 - index) * DAY_MS));
  const rows = await Promise.all(
    dayNames.map(async (day) => {
      const counts = await Promise.all(DAILY_METRICS.map((metric) => deps.counters.get(dailyMetricKey(day, metric))));
      return {
        day,
        ...Object.fromEntries(DAILY_METRICS.map((metric, index) => [metric, counts[index] ?? 0])),
      } as DailyMetricsRow;
    }),
  );
  await call.record({ outcome: 'allowed', detail: `days=${days}` });
  return { days: rows };
}
