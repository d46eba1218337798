import { RateLimitedError } from '../errors';
import type { CounterStore } from '../ports';

/*
 * Per-staff limit on subject look-ups (config.limits.staffLookupsPerHour): a fixed hourly window on the counters
 * table. A staff member who scrapes in bulk is stopped here and the refusal is audited, so it shows in the log. The
 * key names the staff id (an employee's login, not customer data) and the window; TTL collects old windows.
 */

const HOUR_SECONDS = 60 * 60;

/** `lookup` counts look-ups and re-sends; `queue` counts call-back queue reads (each opens up to 20 requests). */
export type StaffRateKind = 'lookup' | 'queue';

export function staffRateKey(staffId: string, windowStartSeconds: number, kind: StaffRateKind = 'lookup'): string {
  return `rate#${kind === 'lookup' ? 'staff' : 'staff-queue'}#${staffId}#${windowStartSeconds}`;
}

export interface StaffRateOutcome {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Counts one subject look-up for this staff member in the current hour. */
export async function countStaffLookup(
  counters: CounterStore,
  staffId: string,
  limitPerHour: number,
  nowMs: number,
  kind: StaffRateKind = 'lookup',
): Promise<StaffRateOutcome> {
  const nowSeconds = Math.floor(nowMs / 1000);
  const windowStart = nowSeconds - (nowSeconds % HOUR_SECONDS);
  const windowEnd = windowStart + HOUR_SECONDS;
  const count = await counters.increment(staffRateKey(staffId, windowStart, kind), windowEnd + 60);
  return { allowed: count <= limitPerHour, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
}

export class StaffRateLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number, what = 'look-ups') {
    super(
      retryAfterSeconds,
      `You have reached the hourly limit of ${what}. A supervisor can see this in the audit log; try again later.`,
    );
  }
}
