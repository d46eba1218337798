import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { InvalidPhoneError, PortalError } from '../../../functions/core/errors';
import { normalisePhone, phoneFastPath } from '../../../functions/core/identifiers';

/*
 * normalisePhone answers the common Dutch notations without libphonenumber (the import's hottest path). The hash
 * only matches when import and API normalise byte for byte alike, so the fast path must never differ from the full
 * parse: here, on generated Dutch, foreign and garbage input, normalisePhone must give exactly what normalisePhone
 * gave before the fast path existed (the reference below is that code, verbatim), value or error code alike.
 */

const TRUNK_PREFIX_IN_PARENTHESES = /^(\+\d{1,3})\s*\(0\)/;

function referenceNormalisePhone(input: string, defaultRegion = 'NL'): string {
  const trimmed = input.trim().normalize('NFKC');
  if (trimmed.length === 0 || trimmed.length > 40) throw new InvalidPhoneError();
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) throw new InvalidPhoneError();
  const cleaned = trimmed.replace(TRUNK_PREFIX_IN_PARENTHESES, '$1 ');
  // biome-ignore lint/suspicious/noExplicitAny: libphonenumber-js types the region as a literal union
  const parsed = parsePhoneNumberFromString(cleaned, defaultRegion as any);
  if (!parsed?.isValid()) throw new InvalidPhoneError();
  return parsed.number;
}

function outcome(normalise: () => string): string {
  try {
    return `ok:${normalise()}`;
  } catch (error) {
    if (error instanceof PortalError) return `error:${error.code}`;
    throw error;
  }
}

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((list) => list.join(''));

// National numbers: Dutch mobiles (6x…, 970…), near misses (one digit short or long), fixed lines, anything.
const nationalNumber = fc.oneof(
  { weight: 4, arbitrary: digits(8, 8).map((rest) => `6${rest}`) },
  { weight: 1, arbitrary: digits(8, 8).map((rest) => `970${rest}`) },
  { weight: 1, arbitrary: digits(7, 9).map((rest) => `6${rest}`) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('1', '2', '3', '4', '5', '7', '8', '9', '0', '66', '06')
      .chain((lead) => digits(6, 10).map((rest) => lead + rest)),
  },
  { weight: 1, arbitrary: digits(0, 14) },
);

const prefix = fc.constantFrom(
  '0',
  '0',
  '+31',
  '+31',
  '0031',
  '+31 (0)',
  '+31(0)',
  '+31 0',
  '0031 (0)',
  '0031 0',
  '31',
  '+',
  '00',
  '000',
  '+32',
  '0032',
  '+1',
  '+44 ',
  '+310',
  '00 31',
  '+ 31',
  '',
  '0 ',
  '+3 1',
  '(0)',
  '++31',
);

const separator = fc.constantFrom(' ', '-', '.', '(', ')', '/', '  ', '\t', '\u00a0', '--', ' - ', '');

/** Splits the text at random places and joins the parts with random separators. */
const withSeparators = (text: string) =>
  fc.array(fc.tuple(fc.nat({ max: 15 }), separator), { maxLength: 4 }).map((cuts) => {
    let result = text;
    for (const [at, sep] of cuts.sort((a, b) => b[0] - a[0])) {
      const index = Math.min(at, result.length);
      result = result.slice(0, index) + sep + result.slice(index);
    }
    return result;
  });

const padding = fc.constantFrom('', '', ' ', '\t', '\u00a0', '\n');

const phoneLike = fc
  .tuple(prefix, nationalNumber, padding, padding)
  .chain(([lead, national, before, after]) => withSeparators(lead + national).map((text) => before + text + after));

const garbage = fc.string({ unit: fc.constantFrom(...'0123456789+ -().x/#a\u00a0\u0660\uff10\uff0b'), maxLength: 24 });

const region = fc.constantFrom('NL', 'NL', 'NL', 'BE', 'DE', 'US');

const RUNS = { seed: 20261126, numRuns: 6000 };

describe('normalisePhone fast path', () => {
  it('equals the full libphonenumber parse on Dutch and foreign notations', () => {
    fc.assert(
      fc.property(phoneLike, region, (input, defaultRegion) => {
        expect(outcome(() => normalisePhone(input, defaultRegion))).toBe(
          outcome(() => referenceNormalisePhone(input, defaultRegion)),
        );
      }),
      RUNS,
    );
  });

  it('equals the full libphonenumber parse on garbage', () => {
    fc.assert(
      fc.property(garbage, region, (input, defaultRegion) => {
        expect(outcome(() => normalisePhone(input, defaultRegion))).toBe(
          outcome(() => referenceNormalisePhone(input, defaultRegion)),
        );
      }),
      RUNS,
    );
  });

  it('never answers differently from libphonenumber when it answers at all', () => {
    fc.assert(
      fc.property(phoneLike, (input) => {
        const fast = phoneFastPath(input, 'NL');
        if (fast !== undefined) expect(fast).toBe(referenceNormalisePhone(input, 'NL'));
      }),
      RUNS,
    );
  });

  // Without this the properties above would also hold for a fast path that never fires.
  it.each([
    '0612345678',
    '06-12345678',
    '+31612345678',
    '+31 6 1234 5678',
    '0031612345678',
    '+31 6 12345678',
    '097012345678',
  ])('answers %s itself', (input) => {
    expect(phoneFastPath(input, 'NL')).toBe(referenceNormalisePhone(input, 'NL'));
  });

  it.each([
    ['06123', 'too short'],
    ['+32612345678', 'another country'],
    ['0201234567', 'a fixed line'],
    ['31612345678', 'no + or 00 before the country code'],
    ['+31 06 12345678', 'a trunk 0 after the country code'],
  ])('leaves %s (%s) to libphonenumber', (input) => {
    expect(phoneFastPath(input, 'NL')).toBeUndefined();
  });
});
