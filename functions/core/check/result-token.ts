import { randomBytes } from 'node:crypto';
import type { Locale } from '../breach-config';
import type { Field } from '../fields';

/*
 * Result tokens (DESIGN §2.5): 256 random bits, base64url. Only their SHA-256 (hashToken) is stored. The token rides
 * in the URL fragment, which browsers never send to a server, so it stays out of access logs, CDNs and Referer
 * headers; the result page redeems it with a POST, so a mail scanner prefetching the link cannot burn it.
 */

export const TOKEN_BYTES = 32;
/** base64url of 32 bytes, without padding. */
export const TOKEN_LENGTH = 43;

export function generateResultToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function resultLink(origin: string, locale: Locale, token: string): string {
  return `${origin.replace(/\/+$/, '')}/${locale}/result#t=${token}`;
}

export function assistFormLink(origin: string, locale: Locale): string {
  return `${origin.replace(/\/+$/, '')}/${locale}/assist`;
}

/** `/<locale>/guidance/<field-in-kebab-case>`: the site builds its guidance pages on the same function. */
export function guidancePath(locale: Locale, field: Field): string {
  return `/${locale}/guidance/${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
