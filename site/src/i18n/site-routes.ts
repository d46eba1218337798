import { LOCALES, type Locale } from '../../../functions/core/breach-config';
import { FIELDS, type Field } from '../../../functions/core/fields';

/*
 * Every public page and its path, in one place: the pages, the language switch, the result island's guidance links
 * and the content tests all derive paths from here. Paths have no trailing slash, like the result link in the email
 * (`/<locale>/result#t=…`); the server maps /x onto /x/index.html.
 */

export { LOCALES, type Locale };

export const PAGES = [
  'home',
  'check-sent',
  'check-sent-sms',
  'result',
  'assist',
  'phishing',
  'faq',
  'privacy',
  'guidance',
] as const;
export type PageId = (typeof PAGES)[number];

/** Guidance URLs use kebab-case field names: /nl/guidance/date-of-birth. */
export const FIELD_SLUGS: Record<Field, string> = {
  idDocumentNumber: 'id-document-number',
  idDocumentValidity: 'id-document-validity',
  iban: 'iban',
  phone: 'phone',
  email: 'email',
  dateOfBirth: 'date-of-birth',
  address: 'address',
  fullName: 'full-name',
  customerNumber: 'customer-number',
};

export function fieldForSlug(slug: string): Field | undefined {
  return FIELDS.find((field) => FIELD_SLUGS[field] === slug);
}

export function pagePath(locale: Locale, page: PageId): string {
  return page === 'home' ? `/${locale}/` : `/${locale}/${page}`;
}

export function guidancePath(locale: Locale, field: Field): string {
  return `/${locale}/guidance/${FIELD_SLUGS[field]}`;
}

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** getStaticPaths for a page that exists once per locale. */
export function localePaths() {
  return LOCALES.map((locale) => ({ params: { locale } }));
}
