import { domainToASCII } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { InvalidCustomerNumberError, InvalidEmailError, InvalidPhoneError } from './errors';
import type { IdentifierType } from './fields';

/*
 * Normalisation (DESIGN §4). The keyed hash only matches when the import tool and the API normalise byte for byte
 * alike, so both call these functions and nothing else. Each either returns the canonical form or throws a typed
 * error: never a half-normalised value.
 */

const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;
// RFC 5322 atext plus any non-ASCII letter with its combining marks (internationalised local parts: "İ" lowercases
// to "i" + U+0307, which has no precomposed form), dots checked separately.
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL_DOMAIN = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function normaliseEmail(input: string): string {
  if (typeof input !== 'string') throw new InvalidEmailError();
  const value = input.trim().normalize('NFC').toLowerCase();
  if (value.length === 0 || value.length > MAX_EMAIL_LENGTH * 4) throw new InvalidEmailError();
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) throw new InvalidEmailError();
  const localPart = value.slice(0, at);
  const domain = value.slice(at + 1);

  if (
    localPart.length > MAX_LOCAL_PART_LENGTH ||
    !LOCAL_PART.test(localPart) ||
    localPart.startsWith('.') ||
    localPart.endsWith('.') ||
    localPart.includes('..')
  ) {
    throw new InvalidEmailError();
  }

  // domainToASCII applies UTS #46 (IDNA) mapping and punycode; it returns '' for what cannot be a domain.
  const asciiDomain = domainToASCII(domain);
  if (asciiDomain === '' || asciiDomain.endsWith('.')) throw new InvalidEmailError();
  const labels = asciiDomain.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL_DOMAIN.test(topLevel)) {
    throw new InvalidEmailError();
  }

  const normalised = `${localPart}@${asciiDomain}`;
  if (normalised.length > MAX_EMAIL_LENGTH) throw new InvalidEmailError();
  return normalised;
}

const MAX_PHONE_INPUT_LENGTH = 40;
// "+31 (0)6 …" is how Dutch numbers are often written; the "(0)" is the trunk prefix and must go before parsing.
const TRUNK_PREFIX_IN_PARENTHESES = /^(\+\d{1,3})\s*\(0\)/;

export function normalisePhone(input: string, defaultRegion: 'NL' | string = 'NL'): string {
  if (typeof input !== 'string') throw new InvalidPhoneError();
  const trimmed = input.trim().normalize('NFKC');
  if (trimmed.length === 0 || trimmed.length > MAX_PHONE_INPUT_LENGTH) throw new InvalidPhoneError();
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) throw new InvalidPhoneError();
  const cleaned = trimmed.replace(TRUNK_PREFIX_IN_PARENTHESES, '$1 ');
  // biome-ignore lint/suspicious/noExplicitAny: libphonenumber-js types the region as a literal union
  const parsed = parsePhoneNumberFromString(cleaned, defaultRegion as any);
  if (!parsed?.isValid()) throw new InvalidPhoneError();
  return parsed.number;
}

export const DEFAULT_CUSTOMER_NUMBER_PATTERN = '^[A-Z0-9]{6,20}$';

export function normaliseCustomerNumber(input: string, pattern: string = DEFAULT_CUSTOMER_NUMBER_PATTERN): string {
  if (typeof input !== 'string' || input.length > 100) throw new InvalidCustomerNumberError();
  const value = input
    .trim()
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  if (!new RegExp(pattern).test(value)) throw new InvalidCustomerNumberError();
  return value;
}

export interface NormaliseOptions {
  customerNumberPattern?: string;
  defaultPhoneRegion?: string;
}

export function normaliseIdentifier(type: IdentifierType, value: string, options: NormaliseOptions = {}): string {
  switch (type) {
    case 'email':
      return normaliseEmail(value);
    case 'phone':
      return normalisePhone(value, options.defaultPhoneRegion);
    case 'customerNumber':
      return normaliseCustomerNumber(value, options.customerNumberPattern);
  }
}
