import type { Locale } from '../breach-config';

/*
 * The words of the texts, per locale (Dutch uses "je"). Kept to plain GSM-7 characters (no en dash, no curly quotes),
 * so a text stays one 160-character segment: see sms-segments.ts. No personal data: the text names the organisation,
 * says hit or miss, and carries a link or the support route.
 */

export interface SmsCopy {
  /** Longest first: the composer takes the first that fits one segment. */
  affected: readonly ((organisation: string, link: string, tokenHours: number) => string)[];
  notFound: (organisation: string, supportPhone: string, supportUrl: string) => string;
}

export const SMS_COPY: Record<Locale, SmsCopy> = {
  nl: {
    affected: [
      (organisation, link, hours) =>
        `${organisation}: je nummer staat in het datalek. Bekijk wat er gelekt is (link ${hours} uur geldig): ${link}`,
      (organisation, link) => `${organisation}: je nummer staat in het datalek. Bekijk wat er gelekt is: ${link}`,
      (organisation, link) => `${organisation}: je nummer staat in het datalek: ${link}`,
    ],
    notFound: (organisation, phone, url) =>
      `${organisation}: dit nummer staat niet in het datalek. Vragen? Bel ${phone} of kijk op ${url}`,
  },
  en: {
    affected: [
      (organisation, link, hours) =>
        `${organisation}: your number is in the data breach. See what was exposed (link valid ${hours} h): ${link}`,
      (organisation, link) => `${organisation}: your number is in the data breach. See what was exposed: ${link}`,
      (organisation, link) => `${organisation}: your number is in the data breach: ${link}`,
    ],
    notFound: (organisation, phone, url) =>
      `${organisation}: this number is not in the data breach. Questions? Call ${phone} or see ${url}`,
  },
};
