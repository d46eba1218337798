/*
 * The run-time half of the closing notice: a page built before the closing date still closes on the day. Mirrors
 * isPortalClosed in functions/core/breach-config.ts, which the islands cannot import without bundling zod.
 */
export function isClosedNow(closingDate: string, now = new Date()): boolean {
  return now.toISOString().slice(0, 10) > closingDate;
}
