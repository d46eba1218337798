import type { CounterStore } from '../ports';

/*
 * Daily usage counts for the staff dashboard (GET /staff/metrics). They live in the counters table next to the rate
 * limits, keyed only by day and name: no identifier, hash or IP ever appears in a metric key.
 */

export const DAILY_METRICS = ['checks', 'hits', 'misses', 'redeemed', 'assist_requests', 'staff_lookups'] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

/** Kept for a year and a day: long enough for an incident's whole life, then TTL removes it. */
export const DAILY_METRIC_RETENTION_SECONDS = 366 * 24 * 60 * 60;

/** UTC day (YYYY-MM-DD) of an epoch-millisecond time. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** `metric#<YYYY-MM-DD>#<name>`: the one key format, shared with the staff metrics reader. */
export function dailyMetricKey(day: string, metric: DailyMetric): string {
  return `metric#${day}#${metric}`;
}

export function countDailyMetric(counters: CounterStore, metric: DailyMetric, nowMs: number): Promise<number> {
  const expiresAtEpochSeconds = Math.floor(nowMs / 1000) + DAILY_METRIC_RETENTION_SECONDS;
  return counters.increment(dailyMetricKey(utcDay(nowMs), metric), expiresAtEpochSeconds);
}
