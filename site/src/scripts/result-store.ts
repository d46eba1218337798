/*
 * The redeemed result, kept in this tab (sessionStorage) for what is left of its read window. The token is single-use
 * and leaves the address bar at once, so without this a customer who opens a guidance page and comes back would be
 * told to use the link in the mail again. sessionStorage dies with the tab and is never sent anywhere.
 */

const KEY = 'breach-portal.result';

export interface KeptResult {
  exposed: string[];
  recordCount?: number;
  /** Browser time (ms) after which the result is no longer shown. */
  until: number;
}

export function keepResult(result: Omit<KeptResult, 'until'>, readableSeconds: number, now = Date.now()): void {
  if (readableSeconds <= 0) {
    forgetResult();
    return;
  }
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ...result, until: now + readableSeconds * 1000 }));
  } catch {
    // Storage full or switched off: the result is still shown, only not kept.
  }
}

export function keptResult(now = Date.now()): KeptResult | undefined {
  let kept: unknown;
  try {
    kept = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    kept = null;
  }
  if (!isKeptResult(kept) || kept.until <= now) {
    forgetResult();
    return undefined;
  }
  return kept;
}

export function forgetResult(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

function isKeptResult(value: unknown): value is KeptResult {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    Array.isArray(candidate.exposed) &&
    candidate.exposed.every((field) => typeof field === 'string') &&
    typeof candidate.until === 'number'
  );
}
