/** Seconds to wait from a Retry-After header, which is either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header?.trim()) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

/** Rounded up, never below 1: "try again in 0 minutes" helps no one. Unknown → 1 minute. */
export function minutesFromSeconds(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

/** Waits longer than this are told as a time of day ("after 14:20"), not as a number of minutes. */
export const CLOCK_TIME_AFTER_SECONDS = 15 * 60;

/**
 * When the customer may try again, as the portal's clock shows it (Europe/Amsterdam, as the API's own message):
 * rounded up to the minute, with `tomorrow` when that falls on the next calendar day there.
 */
export function clockTimeAfter(seconds: number, locale: string, now = Date.now()): { time: string; tomorrow: boolean } {
  const at = new Date(Math.ceil((now + seconds * 1000) / 60_000) * 60_000);
  const timeZone = 'Europe/Amsterdam';
  const day = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(date);
  const time = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return { time, tomorrow: day(at) !== day(new Date(now)) };
}
