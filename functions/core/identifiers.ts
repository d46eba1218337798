import { domainToASCII } from 'node:url';
import { Metadata } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
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

// A breach file names few distinct domains (a handful of providers cover most rows) and IDNA mapping is the costly
// part of an email, so each domain's verdict is kept.
// Bounded in entries and in key length: a file of unique or overlong domains cannot grow it past a few MB.
const MAX_CACHED_DOMAINS = 20_000;
const MAX_CACHED_DOMAIN_LENGTH = 100;
const asciiDomainCache = new Map<string, string | undefined>();

/** The domain in ASCII (IDNA), or undefined when it cannot be an email domain. Pure, hence safe to memoise. */
function asciiDomainOf(domain: string): string | undefined {
  const cached = asciiDomainCache.get(domain);
  if (cached !== undefined || asciiDomainCache.has(domain)) return cached;
  const verdict = checkDomain(domain);
  if (domain.length > MAX_CACHED_DOMAIN_LENGTH) return verdict;
  if (asciiDomainCache.size >= MAX_CACHED_DOMAINS) asciiDomainCache.clear();
  asciiDomainCache.set(domain, verdict);
  return verdict;
}

function checkDomain(domain: string): string | undefined {
  // domainToASCII applies UTS #46 (IDNA) mapping and punycode; it returns '' for what cannot be a domain.
  const asciiDomain = domainToASCII(domain);
  if (asciiDomain === '' || asciiDomain.endsWith('.')) return undefined;
  const labels = asciiDomain.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL_DOMAIN.test(topLevel)) {
    return undefined;
  }
  return asciiDomain;
}

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

  const asciiDomain = asciiDomainOf(domain);
  if (asciiDomain === undefined) throw new InvalidEmailError();

  const normalised = `${localPart}@${asciiDomain}`;
  if (normalised.length > MAX_EMAIL_LENGTH) throw new InvalidEmailError();
  return normalised;
}

/** The longest phone input normalisePhone reads; the API schemas bound `phone` with it. */
export const MAX_PHONE_INPUT_LENGTH = 40;
// "+31 (0)6 …" is how Dutch numbers are often written; the "(0)" is the trunk prefix and must go before parsing.
const TRUNK_PREFIX_IN_PARENTHESES = /^(\+\d{1,3})\s*\(0\)/;
const PHONE_CHARACTERS = /^[+\d\s().\-/]+$/;

/*
 * Fast path for the notations that make up nearly every row of a Dutch breach file (06…, +316…, 00316…, with spaces
 * or hyphens): a full libphonenumber parse costs ~10 µs a number. It answers only when the answer is certain and
 * otherwise returns undefined, leaving the number to libphonenumber. Certain means: digits with single spaces or
 * hyphens between them (libphonenumber drops those), +31 / 0031 / a single trunk 0 in front, and a national number
 * that libphonenumber itself would call a valid mobile number, decided by the patterns and lengths of its own max
 * metadata read at load time. test/unit/core/phone-fast-path.test.ts checks fast === libphonenumber on generated input.
 */
const FAST_PATH_REGION = 'NL';
const FAST_PATH_SHAPE = /^\+?\d+(?:[ -]\d+)*$/;
const SEPARATORS = /[ -]/g;

interface MobilePlan {
  callingCode: string;
  iddPrefix: string;
  nationalPrefix: string;
  /** "+" and the calling code, and the IDD prefix and the calling code: built once, not per number. */
  international: string;
  viaIdd: string;
  nationalNumberPattern: RegExp;
  mobilePattern: RegExp;
  mobileLengths: readonly number[];
}

// What libphonenumber-js's Metadata exposes at run time beyond its published types.
interface RuntimeNumberingPlan {
  callingCode(): string;
  IDDPrefix(): string;
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalNumberPattern(): string;
  type(type: 'MOBILE'): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/** The region's mobile rules from libphonenumber's own metadata, or undefined (fast path off) if anything is odd. */
function loadMobilePlan(region: string): MobilePlan | undefined {
  try {
    const metadata = new Metadata(maxMetadata);
    // biome-ignore lint/suspicious/noExplicitAny: libphonenumber-js types the region as a literal union
    metadata.selectNumberingPlan(region as any);
    const plan = metadata.numberingPlan as unknown as RuntimeNumberingPlan | undefined;
    const mobile = plan?.type('MOBILE');
    const mobileLengths = mobile?.possibleLengths();
    if (!plan || !mobile?.pattern() || !mobileLengths) return undefined;
    const nationalPrefix = plan.nationalPrefix();
    // Only a plain trunk prefix that parsing strips as such (NL: "0"); anything fancier stays with libphonenumber.
    if (!nationalPrefix || plan.nationalPrefixForParsing() !== nationalPrefix || !/^\d+$/.test(nationalPrefix)) {
      return undefined;
    }
    if (!/^\d+$/.test(plan.IDDPrefix())) return undefined;
    return {
      callingCode: plan.callingCode(),
      iddPrefix: plan.IDDPrefix(),
      nationalPrefix,
      international: `+${plan.callingCode()}`,
      viaIdd: plan.IDDPrefix() + plan.callingCode(),
      // The same anchoring as libphonenumber's matchesEntirely.
      nationalNumberPattern: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
      mobilePattern: new RegExp(`^(?:${mobile.pattern()})$`),
      mobileLengths,
    };
  } catch {
    return undefined;
  }
}

// Loaded on first use, not at module load: a bundle that only normalises emails then tree-shakes the phone metadata
// away (esbuild must keep a module-level call, and with it 190 KB of metadata, in every Lambda importing this file).
let mobilePlanCache: { plan: MobilePlan | undefined } | undefined;
function mobilePlanOf(): MobilePlan | undefined {
  mobilePlanCache ??= { plan: loadMobilePlan(FAST_PATH_REGION) };
  return mobilePlanCache.plan;
}

/** Exported for its equality test only: callers use normalisePhone. `cleaned` is normalisePhone's pre-cleaned input. */
export function phoneFastPath(cleaned: string, defaultRegion: string): string | undefined {
  const mobilePlan = defaultRegion === FAST_PATH_REGION ? mobilePlanOf() : undefined;
  if (mobilePlan === undefined || defaultRegion !== FAST_PATH_REGION || !FAST_PATH_SHAPE.test(cleaned)) {
    return undefined;
  }
  const digits = cleaned.replace(SEPARATORS, '');
  const { iddPrefix, nationalPrefix, international, viaIdd } = mobilePlan;
  let national: string;
  if (digits.startsWith(international)) national = digits.slice(international.length);
  else if (digits.startsWith('+')) return undefined;
  else if (digits.startsWith(viaIdd)) national = digits.slice(viaIdd.length);
  else if (digits.startsWith(iddPrefix)) return undefined;
  else if (digits.startsWith(nationalPrefix)) national = digits.slice(nationalPrefix.length);
  else return undefined;
  if (
    national.startsWith(nationalPrefix) ||
    !mobilePlan.mobileLengths.includes(national.length) ||
    !mobilePlan.nationalNumberPattern.test(national) ||
    !mobilePlan.mobilePattern.test(national)
  ) {
    return undefined;
  }
  return international + national;
}

export function normalisePhone(input: string, defaultRegion: 'NL' | string = 'NL'): string {
  if (typeof input !== 'string') throw new InvalidPhoneError();
  const trimmed = input.trim().normalize('NFKC');
  if (trimmed.length === 0 || trimmed.length > MAX_PHONE_INPUT_LENGTH) throw new InvalidPhoneError();
  if (!PHONE_CHARACTERS.test(trimmed)) throw new InvalidPhoneError();
  const cleaned = trimmed.replace(TRUNK_PREFIX_IN_PARENTHESES, '$1 ');
  const fast = phoneFastPath(cleaned, defaultRegion);
  if (fast !== undefined) return fast;
  // biome-ignore lint/suspicious/noExplicitAny: libphonenumber-js types the region as a literal union
  const parsed = parsePhoneNumberFromString(cleaned, defaultRegion as any);
  if (!parsed?.isValid()) throw new InvalidPhoneError();
  return parsed.number;
}

export const DEFAULT_CUSTOMER_NUMBER_PATTERN = '^[A-Z0-9]{6,20}$';
const CUSTOMER_NUMBER_SEPARATORS = /[\s-]+/g;

// One compiled pattern per pattern text (a deployment has one; the import calls this millions of times, and a new
// RegExp per call cost ~0.1 µs). Bounded like the domain cache, in case a caller passes many.
const customerNumberPatterns = new Map<string, RegExp>();
function customerNumberPattern(pattern: string): RegExp {
  let compiled = customerNumberPatterns.get(pattern);
  if (compiled === undefined) {
    compiled = new RegExp(pattern);
    if (customerNumberPatterns.size >= 64) customerNumberPatterns.clear();
    customerNumberPatterns.set(pattern, compiled);
  }
  return compiled;
}

export function normaliseCustomerNumber(input: string, pattern: string = DEFAULT_CUSTOMER_NUMBER_PATTERN): string {
  if (typeof input !== 'string' || input.length > 100) throw new InvalidCustomerNumberError();
  const value = input.trim().replace(CUSTOMER_NUMBER_SEPARATORS, '').toUpperCase();
  // Compiled from text, so without flags: no lastIndex carried from one call to the next.
  if (!customerNumberPattern(pattern).test(value)) throw new InvalidCustomerNumberError();
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
