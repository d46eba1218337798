import { createHmac } from 'node:crypto';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { DEFAULT_COLUMNS } from '../../../functions/import/import-columns';

/*
 * A small raw breach file with everything the import must cope with: a BOM, CRLF line ends, quoted commas, an
 * escaped quote, a field holding a line break, empty fields, a duplicate row, a family sharing an email address,
 * invalid identifiers, a row without identifiers, a short row, a malformed quote and no newline at the end.
 */
export const FIXTURE_CSV = `\uFEFF${[
  DEFAULT_COLUMNS.join(','),
  /* 2 */ '123456789,"Vries, Jan de",Kerkstraat,1,1234 AB,Utrecht,06-12345678,Jan@Example.nl,NL91ABNA0417164300,1980-01-02,paspoort,XR1234567,2030-01-01',
  /* 3 */ '223456789,Anna Bakker,,,,,,anna.bakker@example.nl,,,,,',
  /* 4 */ '123456789,"Vries, Jan de",Kerkstraat,1,1234 AB,Utrecht,06-12345678,Jan@Example.nl,NL91ABNA0417164300,1980-01-02,paspoort,XR1234567,2030-01-01',
  /* 5 */ '323456789,Piet Smitsma,,,,,0612,piet.at.example,,,,,',
  /* 6 */ ',Nobody Knows,,,,,,,,,,,',
  /* 7 */ '423456789,Shortrow,Fewfields',
  /* 8 */ '523456789,"Quote ""Openclose"" Person",Dorpsstraat,"Achter\r\nhuis",,,,,,,,,',
  /* 10 */ ',Family Bakker,,,,,,anna.bakker@example.nl,,,,,',
  /* 11 */ '623456789,Bad "quoteperson,Molenweg,,,,,,,,,,',
  /* 12 */ '723456789,Last Rowperson,,,,,+31 6 87654321,,,,,,',
].join('\r\n')}`;

export const EXPECTED_REJECTS = [
  'line,column,reason',
  '5,email,invalid_email',
  '5,mobile,invalid_phone',
  '6,,no_identifier',
  '7,,column_count',
  '11,,malformed_csv',
];

/** Every value of the fixture worth searching the outputs for (short ones could occur inside a base64 hash). */
export const FIXTURE_RAW_VALUES = [
  ...new Set(
    FIXTURE_CSV.replace('\uFEFF', '')
      .split(/\r\n|,/)
      .map((value) => value.replaceAll('"', ''))
      .filter((value) => value.length >= 6 && !(DEFAULT_COLUMNS as readonly string[]).includes(value)),
  ),
  'jan@example.nl',
  '+31612345678',
  '+31687654321',
];

export interface ExpectedItem {
  identifierHash: string;
  recordKey: string;
  breachId: string;
  subjectId: string;
  fields: string[];
}

export function expectedItems(pepper: Uint8Array, breachId: string): ExpectedItem[] {
  const cn = (value: string) => hashIdentifier(pepper, 'customerNumber', value);
  const item = (identifierHash: string, subjectId: string, fields: string[]): ExpectedItem => ({
    identifierHash,
    recordKey: `${breachId}#${subjectId}`,
    breachId,
    subjectId,
    fields,
  });
  const jan = cn('123456789');
  const allFields = [
    'idDocumentNumber',
    'idDocumentValidity',
    'iban',
    'phone',
    'email',
    'dateOfBirth',
    'address',
    'fullName',
    'customerNumber',
  ];
  const familySubject = createHmac('sha256', pepper)
    .update('v1|subject|email=anna.bakker@example.nl')
    .digest('base64url');
  const anna = hashIdentifier(pepper, 'email', 'anna.bakker@example.nl');
  return [
    item(jan, jan, allFields),
    item(hashIdentifier(pepper, 'email', 'jan@example.nl'), jan, allFields),
    item(hashIdentifier(pepper, 'phone', '+31612345678'), jan, allFields),
    item(cn('223456789'), cn('223456789'), ['email', 'fullName', 'customerNumber']),
    item(anna, cn('223456789'), ['email', 'fullName', 'customerNumber']),
    item(cn('323456789'), cn('323456789'), ['phone', 'email', 'fullName', 'customerNumber']),
    item(cn('523456789'), cn('523456789'), ['address', 'fullName', 'customerNumber']),
    item(anna, familySubject, ['email', 'fullName']),
    item(cn('723456789'), cn('723456789'), ['phone', 'fullName', 'customerNumber']),
    item(hashIdentifier(pepper, 'phone', '+31687654321'), cn('723456789'), ['phone', 'fullName', 'customerNumber']),
  ];
}

export const sortItems = <T extends { identifierHash: string; recordKey: string }>(items: T[]): T[] =>
  [...items].sort((a, b) => `${a.identifierHash}${a.recordKey}`.localeCompare(`${b.identifierHash}${b.recordKey}`));
