import type { BreachConfig, Locale } from '../../../functions/core/breach-config';
import type { Field } from '../../../functions/core/fields';
import { englishUiText } from './ui-text-en';
import { dutchUiText } from './ui-text-nl';

/*
 * Every sentence of the site's chrome, forms and states, per locale. Text that depends on the breach comes from the
 * config passed in, so no page names an organisation. Island messages are rendered into data-* attributes and
 * <template>s: the scripts carry no text, which keeps them small and the same for both languages.
 */

export interface UiText {
  languageName: string;
  switchLanguage: string;
  skipLink: string;
  siteName: string;
  navLabel: string;
  nav: { home: string; phishing: string; faq: string; privacy: string; assist: string; guidance: string };
  footerContact: string;
  footerHours: string;
  noscript: string;
  localBanner: string;
  errorSummaryTitle: string;
  required: string;
  networkError: string;
  unexpectedError: string;
  /** {minutes} is replaced at run time. */
  rateLimited: string;
  /** A long wait (the per-address limit): {time} and {day} are replaced at run time; names the call-back route. */
  rateLimitedUntil: string;
  /** Replaces {day} in rateLimitedUntil when the time is tomorrow (else it is removed). */
  rateLimitedTomorrow: string;
  fieldNames: Record<Field, string>;
  home: {
    title: string;
    whatHappened: string;
    discovered: string;
    exposedHeading: string;
    exposedIntro: string;
    checkHeading: string;
    checkIntro: string;
    emailLabel: string;
    emailHint: string;
    submit: string;
    sending: string;
    invalidEmail: string;
    /** An address with é, ü … before the @: SES cannot deliver to it (no SMTPUTF8). */
    undeliverableEmail: string;
    noEmailRoute: string;
    assistLink: string;
  };
  checkSent: {
    title: string;
    intro: string;
    expectHeading: string;
    expect: string[];
    senderLine: string;
    domainsLine: string;
    whyHeading: string;
    why: string[];
    noMailHeading: string;
    noMail: string[];
    assistLink: string;
  };
  result: {
    title: string;
    loading: string;
    exposedHeading: string;
    exposedIntro: string;
    /** {count} is replaced at run time. */
    matchedRecords: string;
    matchedOneRecord: string;
    readGuidance: string;
    nothingHeading: string;
    nothing: string;
    checkAgain: string;
    tokenExpiredHeading: string;
    tokenExpired: string;
    tokenUsedHeading: string;
    tokenUsed: string;
    tokenUnknownHeading: string;
    tokenUnknown: string;
    networkHeading: string;
    network: string;
    retry: string;
    noTokenHeading: string;
    noToken: string;
    nextStepsHeading: string;
    nextSteps: string[];
    doFirstHeading: string;
    print: string;
  };
  assist: {
    title: string;
    intro: string[];
    nameLabel: string;
    phoneLabel: string;
    phoneHint: string;
    customerNumberLabel: string;
    customerNumberHint: string;
    contactLegend: string;
    contactHint: string;
    preferredTimeLabel: string;
    /** `value` names the radio button; the label itself is sent (the API takes free text that staff read). */
    preferredTimes: { value: string; label: string }[];
    messageLabel: string;
    messageHint: string;
    submit: string;
    invalidName: string;
    invalidPhone: string;
    invalidCustomerNumber: string;
    needContact: string;
    invalidPreferredTime: string;
    invalidMessage: string;
    thanksHeading: string;
    thanks: string[];
    /** Followed by the reference the API returns, filled in at run time. */
    referenceLabel: string;
  };
  closing: { heading: string; body: string[] };
  guidanceIndex: { title: string; intro: string };
  guidance: {
    whyHeading: string;
    criminalsHeading: string;
    stepsHeading: string;
    timeHeading: string;
    reportHeading: string;
    sourcesHeading: string;
    otherFields: string;
    /** Shown only when the page was opened from the result page (see the :target rule in site.css). */
    backToResult: string;
  };
  redirect: { title: string; body: string };
}

export function uiText(locale: Locale, config: BreachConfig): UiText {
  return locale === 'nl' ? dutchUiText(config) : englishUiText(config);
}

/** "1 March 2026" / "1 maart 2026", fixed at build time so both the page and tests see the same words. */
export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
