import {
  InvalidCustomerNumberError,
  InvalidEmailError,
  InvalidPhoneError,
  PortalError,
} from '../../../functions/core/errors';
import {
  normaliseCustomerNumber,
  normaliseEmail,
  normaliseIdentifier,
  normalisePhone,
} from '../../../functions/core/identifiers';
import { httpStatusOf } from '../../../functions/http/error-status';

/*
 * The keyed hash only matches when the import tool and the API normalise identically (DESIGN §4), so these tables
 * pin the canonical form of every way people write their identifiers, and the inputs that must be refused.
 */

const NL_MOBILE = '+31612345678';

describe('normalisePhone', () => {
  it.each([
    ['06-12345678', NL_MOBILE],
    ['+31 6 1234 5678', NL_MOBILE],
    ['0031612345678', NL_MOBILE],
    ['+31 (0)6 12345678', NL_MOBILE],
    ['+31 (0) 6 12345678', NL_MOBILE],
    ['+31(0)612345678', NL_MOBILE],
    ['0031 (0)6 12345678', NL_MOBILE],
    ['+31 06 12345678', NL_MOBILE],
    ['0612345678', NL_MOBILE],
    ['06 12 34 56 78', NL_MOBILE],
    ['06.12.34.56.78', NL_MOBILE],
    ['06/12345678', NL_MOBILE],
    ['(06) 12345678', NL_MOBILE],
    ['  +31612345678  ', NL_MOBILE],
    ['+31\u00a06\u00a012345678', NL_MOBILE], // non-breaking spaces from a copied web page
    ['＋３１６１２３４５６７８', NL_MOBILE], // full-width digits from a phone keyboard
  ])('Dutch mobile %j → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['020-1234567', '+31201234567'],
    ['020 123 4567', '+31201234567'],
    ['+31 20 123 4567', '+31201234567'],
    ['010-1234567', '+31101234567'],
    ['088-1234567', '+31881234567'],
    ['0800-1234', '+318001234'],
  ])('Dutch landline or service number %j → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['+32 470 12 34 56', '+32470123456'],
    ['0032470123456', '+32470123456'],
    ['+32 2 555 12 12', '+3225551212'],
    ['+49 30 12345678', '+493012345678'],
    ['+49 (0)30 12345678', '+493012345678'],
    ['+49 151 23456789', '+4915123456789'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+44 7911 123456', '+447911123456'],
  ])('foreign number in +country form %j → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['12345', 'five digits are no Dutch number'],
    ['112', 'an emergency short code'],
    ['06-1234567', 'one digit short'],
    ['061234567890', 'two digits too many'],
    ['06-1234 5678 9', 'a trailing extra digit'],
    ['+31 6 00000000', 'an unassigned mobile block'],
    ['+44 7700 900123', 'the UK range reserved for fiction'],
    ['abc', 'letters'],
    ['06-1234567a', 'a letter among digits'],
    ['+31 6 12345678 ext 1', 'an extension'],
    ['', 'empty'],
    ['   ', 'only spaces'],
    ['+31 6 1234 5678 9999 1234 5678 9999 12345', 'longer than any phone number is written'],
  ])('rejects %j (%s) with invalid_phone', (input) => {
    expect(() => normalisePhone(input)).toThrow(InvalidPhoneError);
  });

  it('reads national numbers in the configured default region', () => {
    expect(normalisePhone('0470 12 34 56', 'BE')).toBe('+32470123456');
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['jan@example.nl', 'jan@example.nl'],
    ['Jan@Example.NL', 'jan@example.nl'],
    ['JAN@EXAMPLE.NL', 'jan@example.nl'],
    ['  jan@example.nl  ', 'jan@example.nl'],
    ['\tjan@example.nl\n', 'jan@example.nl'],
    ['jan.de.vries+datalek@example.co.uk', 'jan.de.vries+datalek@example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['jan@bücher.de', 'jan@xn--bcher-kva.de'],
    ['JAN@BÜCHER.DE', 'jan@xn--bcher-kva.de'],
    ['jan@xn--bcher-kva.de', 'jan@xn--bcher-kva.de'],
    ['jan@straße.de', 'jan@xn--strae-oqa.de'],
    ['user@例え.jp', 'user@xn--r8jz45g.jp'],
    ['jan@bücher.рф', 'jan@xn--bcher-kva.xn--p1ai'],
    ['İpek@example.com', 'i\u0307pek@example.com'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it('gives the same bytes for NFC and NFD input (é typed precomposed or as e + accent)', () => {
    const nfc = 'jos\u00e9@example.nl';
    const nfd = 'jose\u0301@example.nl';
    expect(normaliseEmail(nfd)).toBe(nfc);
    expect(normaliseEmail(nfc)).toBe(nfc);
  });

  it.each([
    ['janexample.nl', 'no @'],
    ['jan@@example.nl', 'two @ in a row'],
    ['jan@foo@example.nl', 'two @'],
    ['jan de@example.nl', 'a space in the local part'],
    ['jan@exa mple.nl', 'a space in the domain'],
    ['.jan@example.nl', 'a leading dot'],
    ['jan.@example.nl', 'a trailing dot in the local part'],
    ['jan..vries@example.nl', 'a double dot in the local part'],
    ['jan@example..nl', 'a double dot in the domain'],
    ['jan@example', 'no top-level domain'],
    ['jan@example.n', 'a one-letter top-level domain'],
    ['jan@example.123', 'a numeric top-level domain'],
    ['jan@localhost', 'a bare host name'],
    ['jan@-example.nl', 'a label starting with a dash'],
    ['jan@example.nl.', 'a trailing dot in the domain'],
    ['jan@[127.0.0.1]', 'an address literal'],
    ['"jan"@example.nl', 'a quoted local part'],
    ['jan(comment)@example.nl', 'a comment'],
    ['jan@example.nl,piet@example.nl', 'two addresses'],
    ['jan@ex_ample.nl', 'an underscore in the domain'],
    ['j\u0000an@example.nl', 'a NUL character'],
    [`${'a'.repeat(65)}@example.nl`, 'a local part over 64 characters'],
    [`a@${'b'.repeat(250)}.nl`, 'an address over 254 characters'],
    [`${'a'.repeat(5000)}@example.nl`, 'a huge input'],
    ['', 'empty'],
    ['@example.nl', 'an empty local part'],
    ['jan@', 'an empty domain'],
  ])('rejects %j (%s) with invalid_email', (input) => {
    expect(() => normaliseEmail(input)).toThrow(InvalidEmailError);
  });
});

describe('normaliseCustomerNumber', () => {
  const NINE_DIGITS = '^[0-9]{9}$';

  it.each([
    ['123456789', '123456789'],
    ['123 456 789', '123456789'],
    ['123-456-789', '123456789'],
    [' 123456789 ', '123456789'],
    ['12 34-56 789', '123456789'],
  ])('%j → %s under the configured nine-digit pattern', (input, expected) => {
    expect(normaliseCustomerNumber(input, NINE_DIGITS)).toBe(expected);
  });

  it.each([
    ['ab-123456', 'AB123456'],
    ['abc 456 789', 'ABC456789'],
    ['Nl-00042-x', 'NL00042X'],
  ])('%j → %s (upper case) under the default pattern', (input, expected) => {
    expect(normaliseCustomerNumber(input)).toBe(expected);
  });

  it.each([
    ['12345678', 'one digit short'],
    ['1234567890', 'one digit too many'],
    ['abc456789', 'letters where digits belong'],
    ['123_456_789', 'underscores (only spaces and dashes are separators)'],
    ['123.456.789', 'dots'],
    ['', 'empty'],
    ['1'.repeat(200), 'a huge input'],
  ])('rejects %j (%s) with invalid_customer_number', (input) => {
    expect(() => normaliseCustomerNumber(input, NINE_DIGITS)).toThrow(InvalidCustomerNumberError);
  });
});

describe('normaliseIdentifier', () => {
  it('dispatches on the type and passes the configured pattern and region on', () => {
    expect(normaliseIdentifier('email', 'Jan@Example.nl')).toBe('jan@example.nl');
    expect(normaliseIdentifier('phone', '0470 12 34 56', { defaultPhoneRegion: 'BE' })).toBe('+32470123456');
    expect(normaliseIdentifier('customerNumber', '12-34', { customerNumberPattern: '^[0-9]{4}$' })).toBe('1234');
  });

  it.each([
    ['email', 'not-an-address', 'invalid_email'],
    ['phone', '999', 'invalid_phone'],
    ['customerNumber', '!', 'invalid_customer_number'],
  ] as const)('rejects a bad %s with a typed error whose message does not echo the input', (type, value, code) => {
    let caught: unknown;
    try {
      normaliseIdentifier(type, value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PortalError);
    expect((caught as PortalError).code).toBe(code);
    expect(httpStatusOf(caught as PortalError)).toBe(400);
    expect((caught as PortalError).message).not.toContain(value);
  });
});
