/*
 * Expiry as DynamoDB TTL defines it, shared by the DynamoDB and memory adapters so both agree to the second.
 * TTL only collects garbage (hours to days late on AWS, never in dynalite), so every read decides for itself:
 * an item is alive while now < expiresAt (epoch seconds).
 */

export function nowEpochSeconds(nowMs: number): number {
  return Math.floor(nowMs / 1000);
}

export function isExpired(expiresAtEpochSeconds: number, nowMs: number): boolean {
  return nowEpochSeconds(nowMs) >= expiresAtEpochSeconds;
}
