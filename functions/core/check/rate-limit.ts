import { createHmac } from 'node:crypto';
import { RateLimitedError, ServiceUnavailableError } from '../errors';
import { HASH_SCHEME_VERSION, type Pepper } from '../identifier-hash';
import type { CounterStore } from '../ports';

/*
 * Fixed-window rate limits on DynamoDB counters (ADD + TTL). A window's counter key names the window, so a new
 * window starts from zero without a reset write; the TTL only collects old windows. Subjects (an address, an IP) are
 * keyed hashes under their own domain prefix: a counter table dump reveals neither addresses nor IPs, and an IP hash
 * can never collide with an identifier hash.
 */

export type RateLimitSubject = 'mailbox' | 'ip' | 'assist-ip' | 'results-ip' | 'phone' | 'sms-ip';

export interface RateWindow {
  /** Window length in seconds; windows are aligned to the epoch (so days are UTC days). */
  seconds: number;
  limit: number;
}

export const MINUTE_SECONDS = 60;
export const HOUR_SECONDS = 60 * 60;
export const DAY_SECONDS = 24 * 60 * 60;

/** HMAC with the pepper: an IP or address is low-entropy enough that an unkeyed hash could be reversed. */
export function hashRateLimitSubject(pepper: Pepper, subject: RateLimitSubject, value: string): string {
  return createHmac('sha256', pepper).update(`${HASH_SCHEME_VERSION}|rate|${subject}|${value}`).digest('base64url');
}

export interface RateLimitCheck {
  subject: RateLimitSubject;
  subjectHash: string;
  window: RateWindow;
}

export interface RateLimitOutcome {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Counts one use in the current window. Over the limit → not allowed, retry when the window ends. */
export async function countRateLimited(
  counters: CounterStore,
  check: RateLimitCheck,
  nowMs: number,
): Promise<RateLimitOutcome> {
  const nowSeconds = Math.floor(nowMs / 1000);
  const windowStart = nowSeconds - (nowSeconds % check.window.seconds);
  const windowEnd = windowStart + check.window.seconds;
  const key = `rate#${check.subject}#${check.subjectHash}#${windowStart}`;
  // A little past the window's end, so a clock skew between containers never resurrects a counter.
  const count = await counters.increment(key, windowEnd + MINUTE_SECONDS);
  return { allowed: count <= check.window.limit, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
}

const MAX_LOG_ROUNDS = 4;

/**
 * Rolling window (the per-mailbox limit): at most `limit` uses in any `seconds` long stretch, kept as a short list of
 * use times. Unlike a fixed UTC day, a mailbox used five times at 14:20 is free again at 14:20 the next day, and the
 * customer can be told exactly when. A refused try is not recorded, so retrying does not push the time further out.
 */
export async function countRollingWindow(
  counters: CounterStore,
  check: RateLimitCheck,
  nowMs: number,
): Promise<RateLimitOutcome> {
  const key = `rate#${check.subject}#${check.subjectHash}`;
  const windowMs = check.window.seconds * 1000;
  for (let round = 1; round <= MAX_LOG_ROUNDS; round++) {
    const log = await counters.readUseLog(key);
    const live = log.times.filter((time) => time > nowMs - windowMs).sort((a, b) => a - b);
    if (live.length >= check.window.limit) {
      // Free again when enough of the oldest uses have left the window to make room for one more.
      const freedAt = (live[live.length - check.window.limit] ?? nowMs) + windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - nowMs) / 1000)) };
    }
    const expiresAt = Math.ceil((nowMs + windowMs) / 1000) + MINUTE_SECONDS;
    if (await counters.replaceUseLog(key, [...live, nowMs], log.version, expiresAt)) {
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }
  // Only a burst of parallel requests for one mailbox gets here: a 503 the caller may retry.
  throw new ServiceUnavailableError();
}

/** Throws RateLimitedError with the longest wait when any outcome is over its limit. */
export function assertWithinLimits(outcomes: readonly RateLimitOutcome[]): void {
  const refused = outcomes.filter((outcome) => !outcome.allowed);
  if (refused.length === 0) return;
  throw new RateLimitedError(Math.max(...refused.map((outcome) => outcome.retryAfterSeconds)));
}
