import fc from 'fast-check';
import { InvalidCustomerNumberError, InvalidEmailError, InvalidPhoneError } from '../../functions/core/errors';
import {
  DEFAULT_CUSTOMER_NUMBER_PATTERN,
  normaliseCustomerNumber,
  normaliseEmail,
  normalisePhone,
} from '../../functions/core/identifiers';
import { config } from '../unit/check/check-fixture';

/*
 * Properties of the identifier normalisers (DESIGN §4), over inputs nobody would write by hand: the hash only
 * matches if a normalised value normalises to itself, a valid output always has its canonical shape, and whatever
 * comes in, the only failure is the normaliser's own typed error (a TypeError here would be a 500 in the API).
 * Fixed seed: a failure replays the same way on every machine; modest runs keep `npm test` quick.
 */

const RUNS = { seed: 20260207, numRuns: 400 } as const;
/** fc.anything() builds large nested values: fewer runs say as much. */
const ANYTHING_RUNS = { seed: 20260207, numRuns: 100 } as const;

/** Calls `normalise`; undefined when it refused the input with `expectedError`, anything else is rethrown. */
function attempt(normalise: () => string, expectedError: new (...args: never[]) => Error): string | undefined {
  try {
    return normalise();
  } catch (error) {
    if (error instanceof expectedError) return undefined;
    throw error;
  }
}

// Strings built from the characters that matter to each normaliser, mixed with arbitrary Unicode.
const emailishCharacters = fc.constantFrom(
  ...'abcXYZ09.-_+@@ \t\u00a0İßéÅ\u0301\u0307ıﬁ。．＠例子テスト\u200b\u0000\n'.split(''),
  'xn--',
  '..',
  'münchen.de',
  '@example.nl',
);
const emailish = fc.oneof(
  fc.string({ unit: emailishCharacters, maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(fc.string({ unit: emailishCharacters, maxLength: 20 }), fc.domain())
    .map(([local, domain]) => `${local}@${domain}`),
  fc.emailAddress().map((address) => ` ${address.toUpperCase()} `),
);
const phoneish = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789+()-. /\u00a0０６'.split('')), maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc
    .tuple(
      fc.constantFrom('06', '+316', '00316', '+31 (0)6 ', '+32 4', '+1 202'),
      fc.integer({ min: 0, max: 99_999_999 }),
    )
    .map(([prefix, subscriber]) => `${prefix}${subscriber}`),
);
const customerNumberish = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789abcXYZ -\t'.split('')), maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

const CANONICAL_EMAIL = /^[^\s@A-Z]{1,64}@(?:[a-z0-9-]{1,63}\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/u;

describe('normaliseEmail', () => {
  it('is idempotent, canonical when valid, and refuses only with InvalidEmailError', () => {
    fc.assert(
      fc.property(emailish, (input) => {
        const normalised = attempt(() => normaliseEmail(input), InvalidEmailError);
        if (normalised === undefined) return;
        expect(normaliseEmail(normalised)).toBe(normalised);
        expect(normalised).toMatch(CANONICAL_EMAIL);
        expect(normalised.length).toBeLessThanOrEqual(254);
        expect(normalised).toBe(normalised.normalize('NFC'));
      }),
      RUNS,
    );
  });

  it('gives the same form for an address however it is cased or padded', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom(' ', '\t', '\n', ''), (address, padding) => {
        const plain = attempt(() => normaliseEmail(address), InvalidEmailError);
        const padded = attempt(() => normaliseEmail(`${padding}${address.toUpperCase()}${padding}`), InvalidEmailError);
        expect(padded).toBe(plain);
      }),
      RUNS,
    );
  });

  it('refuses non-strings with InvalidEmailError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        fc.pre(typeof value !== 'string');
        expect(() => normaliseEmail(value as string)).toThrow(InvalidEmailError);
      }),
      ANYTHING_RUNS,
    );
  });
});

describe('normalisePhone', () => {
  it('is idempotent, E.164 when valid, and refuses only with InvalidPhoneError', () => {
    fc.assert(
      fc.property(phoneish, (input) => {
        const normalised = attempt(() => normalisePhone(input, config.defaultPhoneRegion), InvalidPhoneError);
        if (normalised === undefined) return;
        expect(normalised).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(normalisePhone(normalised, config.defaultPhoneRegion)).toBe(normalised);
      }),
      RUNS,
    );
  });

  it('writes every Dutch mobile number the same way in each of its usual notations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 59_999_999 }), (subscriber) => {
        const digits = String(subscriber);
        const forms = [`06${digits}`, `06-${digits}`, `+316${digits}`, `00316${digits}`, `+31 (0)6 ${digits}`];
        const normalised = forms.map((form) => attempt(() => normalisePhone(form, 'NL'), InvalidPhoneError));
        expect(new Set(normalised)).toEqual(new Set([`+316${digits}`]));
      }),
      RUNS,
    );
  });

  it('refuses non-strings with InvalidPhoneError', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        fc.pre(typeof value !== 'string');
        expect(() => normalisePhone(value as string)).toThrow(InvalidPhoneError);
      }),
      ANYTHING_RUNS,
    );
  });
});

describe('normaliseCustomerNumber', () => {
  it.each([
    ['the configured pattern', config.customerNumberPattern],
    ['the default pattern', DEFAULT_CUSTOMER_NUMBER_PATTERN],
  ])('is idempotent and matches %s when valid, refusing only with InvalidCustomerNumberError', (_name, pattern) => {
    fc.assert(
      fc.property(customerNumberish, (input) => {
        const normalised = attempt(() => normaliseCustomerNumber(input, pattern), InvalidCustomerNumberError);
        if (normalised === undefined) return;
        expect(normalised).toMatch(new RegExp(pattern));
        expect(normalised).not.toMatch(/[\s-]/);
        expect(normaliseCustomerNumber(normalised, pattern)).toBe(normalised);
      }),
      RUNS,
    );
  });

  it('refuses non-strings with InvalidCustomerNumberError', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        fc.pre(typeof value !== 'string');
        expect(() => normaliseCustomerNumber(value as string)).toThrow(InvalidCustomerNumberError);
      }),
      ANYTHING_RUNS,
    );
  });
});
