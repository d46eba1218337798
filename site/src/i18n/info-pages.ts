import type { BreachConfig, Locale } from '../../../functions/core/breach-config';
import { englishInfoPages } from './info-pages-en';
import { dutchInfoPages } from './info-pages-nl';

/*
 * The static information pages (phishing, FAQ, privacy) as data per locale. They ship no JavaScript. Everything
 * that differs per breach — names, domains, contacts, retention — is read from the config passed in.
 */

export interface InfoSection {
  heading: string;
  paragraphs?: string[];
  list?: string[];
}

export interface FaqEntry {
  /** Stable anchor, the same in both locales, so other pages (and emails) can link to an answer. */
  id: string;
  question: string;
  answer: string[];
}

export interface InfoPages {
  phishing: { title: string; intro: string; domainsHeading: string; sections: InfoSection[] };
  faq: { title: string; intro: string; entries: FaqEntry[] };
  privacy: { title: string; intro: string; sections: InfoSection[]; contactHeading: string; contact: string[] };
}

export function infoPages(locale: Locale, config: BreachConfig): InfoPages {
  return locale === 'nl' ? dutchInfoPages(config) : englishInfoPages(config);
}

export const FAQ_IDS = [
  'is-this-email-real',
  'why-not-earlier',
  'unknown-company',
  'link-expired',
  'why-not-on-screen',
  'what-is-stored',
] as const;
