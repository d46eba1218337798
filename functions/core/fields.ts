/**
 * The data classes of a breach record: one list, used by the API, the config, the site and the emails.
 * Ordered by risk (highest first, after Mozilla Monitor's weights) so every list a person sees starts with what
 * matters most.
 */
export const FIELDS = [
  'idDocumentNumber',
  'idDocumentValidity',
  'iban',
  'phone',
  'email',
  'dateOfBirth',
  'address',
  'fullName',
  'customerNumber',
] as const;

export type Field = (typeof FIELDS)[number];

export function isField(value: unknown): value is Field {
  return typeof value === 'string' && (FIELDS as readonly string[]).includes(value);
}

/** Sorts by risk and removes duplicates: the canonical form of a set of exposed fields. */
export function sortFieldsByRisk(fields: Iterable<Field>): Field[] {
  const present = new Set(fields);
  return FIELDS.filter((field) => present.has(field));
}

/** The identifier types a record can be found by. Self-service uses only `email` (DESIGN §5). */
export const IDENTIFIER_TYPES = ['email', 'phone', 'customerNumber'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export function isIdentifierType(value: unknown): value is IdentifierType {
  return typeof value === 'string' && (IDENTIFIER_TYPES as readonly string[]).includes(value);
}
