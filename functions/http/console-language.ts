import type { BreachConfig, Locale } from '../core/breach-config';
import { LOCALES } from '../core/breach-config';
import { headerValue } from './http-context';
import type { HttpEvent } from './http-stack';

/*
 * The staff console's language, for the messages of its refusals: the console sends its page language as
 * Accept-Language (site/src/scripts/staff/staff-api.ts); anything else falls back to the breach's default language.
 */
export function consoleLanguageOf(event: HttpEvent, config: BreachConfig): Locale {
  const header = headerValue(event.headers, 'accept-language') ?? '';
  for (const part of header.split(',')) {
    const primary = part.trim().split(/[-;]/)[0]?.toLowerCase();
    const locale = LOCALES.find((candidate) => candidate === primary);
    if (locale && config.languages.includes(locale)) return locale;
  }
  return config.defaultLanguage;
}
