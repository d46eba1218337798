/*
 * The audit table is partitioned by UTC day (`auditDay` = YYYY-MM-DD) and sorted by `auditKey` = ISO time + "#" + id,
 * so a supervisor's date range is one query per day and string order is time order. The memory adapter orders its
 * records by the same key so both list identically.
 */

export function auditDayOf(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 10);
}

export function auditKeyOf(atMs: number, id: string): string {
  return `${new Date(atMs).toISOString()}#${id}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC days touched by [from, to], newest first. */
export function auditDaysNewestFirst(fromMs: number, toMs: number): string[] {
  if (toMs < fromMs) return [];
  const days: string[] = [];
  const firstDayStart = Date.parse(`${auditDayOf(fromMs)}T00:00:00.000Z`);
  for (let dayStart = Date.parse(`${auditDayOf(toMs)}T00:00:00.000Z`); dayStart >= firstDayStart; dayStart -= DAY_MS) {
    days.push(auditDayOf(dayStart));
  }
  return days;
}

export const DEFAULT_AUDIT_LIST_LIMIT = 100;
export const MAX_AUDIT_LIST_LIMIT = 1000;

export function auditListLimit(requested: number | undefined): number {
  if (requested === undefined) return DEFAULT_AUDIT_LIST_LIMIT;
  return Math.max(1, Math.min(MAX_AUDIT_LIST_LIMIT, Math.floor(requested)));
}
