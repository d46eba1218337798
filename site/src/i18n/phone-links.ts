import type { BreachConfig } from '../../../functions/core/breach-config';

/*
 * Every phone number the site prints is a tel: link, so a customer on a phone calls it with one tap instead of
 * copying digits (and cannot mistype them). The numbers are the config's own: support per language and the call-back
 * number; text is split around them so the copy stays plain strings.
 */

export type TextPart = { text: string; tel?: string };

export function configuredPhones(config: BreachConfig): string[] {
  const phones = [...Object.values(config.support).map((contact) => contact.phone), config.callback?.callerNumber];
  // Longest first, so "+31 800 1234" is found before a shorter number it contains.
  return [...new Set(phones.filter((phone): phone is string => Boolean(phone)))].sort((a, b) => b.length - a.length);
}

/** "0800 1234" → "tel:08001234"; "+31 800 1234" → "tel:+318001234". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function withPhoneLinks(text: string, phones: string[]): TextPart[] {
  if (phones.length === 0) return [{ text }];
  const pattern = new RegExp(phones.map((phone) => phone.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: match[0], tel: telHref(match[0]) });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
