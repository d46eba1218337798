import type { Locale } from '../breach-config';
import { InvalidEmailError, RateLimitedError } from '../errors';
import { assistFormLink } from './result-token';

/*
 * Refusals of POST /api/v1/checks that a customer must understand on their own, so the message is in the request's
 * language (the site shows its own text for each code too). Neither depends on whether the address is in the breach:
 * one is decided from the spelling alone, the other from the count of earlier requests for the mailbox.
 */

/** The local part must be printable ASCII: SES cannot send to an internationalised mailbox (no SMTPUTF8). */
const SES_DELIVERABLE_LOCAL_PART = /^[\x21-\x7e]+$/;

const UNDELIVERABLE: Record<Locale, string> = {
  nl: 'We kunnen geen e-mail sturen naar een adres met letters als é of ü vóór de @. Gebruik een ander adres, of laat je terugbellen.',
  en: 'We cannot send email to an address with letters such as é or ü before the @. Use another address, or ask us to call you back.',
};

/** Takes a normalised address (the domain is already ASCII/punycode): refuses what SES would bounce five times. */
export function assertDeliverableAddress(normalisedAddress: string, locale: Locale): void {
  const localPart = normalisedAddress.slice(0, normalisedAddress.lastIndexOf('@'));
  if (!SES_DELIVERABLE_LOCAL_PART.test(localPart)) throw new InvalidEmailError(UNDELIVERABLE[locale]);
}

/** The time of day the customer may try again, in the portal's time zone: "after 14:20", not "in 1195 minutes". */
export const PORTAL_TIME_ZONE = 'Europe/Amsterdam';

export function clockTimeIn(locale: Locale, epochMs: number): { time: string; day: string } {
  // Rounded up to the minute, so "after 14:20" is never a minute too early.
  const at = new Date(Math.ceil(epochMs / 60_000) * 60_000);
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  return {
    time: new Intl.DateTimeFormat(tag, { timeZone: PORTAL_TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(at),
    day: new Intl.DateTimeFormat('en-CA', { timeZone: PORTAL_TIME_ZONE }).format(at),
  };
}

/** Address limit reached (rolling 24 hours): when to try again, and that the call-back route is open right now. */
export class MailboxLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number, locale: Locale, nowMs: number) {
    super(retryAfterSeconds, mailboxLimitMessage(locale, nowMs, nowMs + retryAfterSeconds * 1000));
  }
}

export function mailboxLimitMessage(locale: Locale, nowMs: number, retryAtMs: number): string {
  const retry = clockTimeIn(locale, retryAtMs);
  const tomorrow = retry.day !== clockTimeIn(locale, nowMs).day;
  if (locale === 'nl') {
    const when = `${tomorrow ? 'morgen ' : ''}na ${retry.time}`;
    return `Voor dit adres zijn de afgelopen 24 uur al genoeg controles gedaan. Probeer het ${when} opnieuw (Nederlandse tijd), of laat je nu terugbellen: ${assistFormLink('', 'nl')}`;
  }
  const when = `after ${retry.time}${tomorrow ? ' tomorrow' : ''}`;
  return `This address has had enough checks in the last 24 hours. Try again ${when} (Amsterdam time), or ask us to call you back now: ${assistFormLink('', 'en')}`;
}
