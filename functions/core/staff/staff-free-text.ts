import type { BreachConfig, Locale } from '../breach-config';
import { InvalidInputError } from '../errors';

/*
 * What staff write down is kept (audit reason: config.retention.auditDays; a call-back note: as long as the request).
 * Tried as an attacker would, a reason and a note accepted an email address, a phone number and an IBAN in clear.
 * So a look-up's reason is a choice from config.staff.reasons plus a ticket of config.staff.ticketPattern, and the one
 * free text left (the call-back note) is refused when it holds anything shaped like an identifier. The refusal names
 * the kind of data, never the value, in the console's language.
 */

export type IdentifierKind = 'email' | 'phone' | 'iban' | 'customerNumber';

const EMAIL_IN_TEXT = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
// Nine or more digits, however grouped (+31 6 1234 5678, 06-12345678, 0031612345678).
const DIGIT_RUN = /\+?\d[\d\s()./-]{7,}\d/g;
const MIN_PHONE_DIGITS = 9;
const MIN_IBAN_DIGITS = 8;
// Country code, check digits, 11–30 account characters; spaces between groups allowed (NL91 ABNA 0417 1643 00).
const IBAN_IN_TEXT = /\b[a-z]{2}\d{2}(?:\s?[a-z0-9]){11,30}\b/gi;

/** The kinds of identifier found in `text`; empty when it holds none. */
export function identifierKindsIn(text: string, customerNumberPattern: string): IdentifierKind[] {
  const kinds = new Set<IdentifierKind>();
  if (EMAIL_IN_TEXT.test(text)) kinds.add('email');
  // An IBAN's account digits would also read as a phone number: look for numbers in what is left.
  // Every IBAN's account part is mostly digits; a match without them is ordinary words ("ab12 call back later").
  const withoutIbans = text.replace(IBAN_IN_TEXT, (match) => {
    if (match.replace(/\D/g, '').length < MIN_IBAN_DIGITS) return match;
    kinds.add('iban');
    return ' ';
  });
  for (const run of withoutIbans.match(DIGIT_RUN) ?? []) {
    if (run.replace(/\D/g, '').length >= MIN_PHONE_DIGITS) kinds.add('phone');
  }
  // The configured pattern is anchored for a whole value; here it is looked for as a word inside the text.
  const customerNumber = new RegExp(customerNumberPattern.replace(/^\^/, '').replace(/\$$/, ''), 'i');
  const words = withoutIbans.split(/[\s,.;:!?()"']+/).filter(Boolean);
  if (words.some((word) => new RegExp(`^(?:${customerNumber.source})$`, 'i').test(word))) kinds.add('customerNumber');
  return [...kinds];
}

const KIND_NAMES: Record<Locale, Record<IdentifierKind, string>> = {
  nl: { email: 'een e-mailadres', phone: 'een telefoonnummer', iban: 'een IBAN', customerNumber: 'een klantnummer' },
  en: { email: 'an email address', phone: 'a phone number', iban: 'an IBAN', customerNumber: 'a customer number' },
};

export class IdentifierInTextError extends InvalidInputError {
  constructor(field: string, kinds: IdentifierKind[], language: Locale) {
    const names = kinds.map((kind) => KIND_NAMES[language][kind]).join(language === 'nl' ? ' en ' : ' and ');
    super(
      'identifier_in_text',
      language === 'nl'
        ? `Deze tekst bevat ${names}. Schrijf geen persoonsgegevens op: het verzoek zelf bevat al wat je nodig hebt.`
        : `This text contains ${names}. Do not write down personal data: the request itself holds what you need.`,
      { field },
    );
  }
}

/** Refuses a free text that holds an identifier (the call-back note). */
export function assertNoIdentifierIn(config: BreachConfig, field: string, text: string, language: Locale): void {
  const kinds = identifierKindsIn(text, config.customerNumberPattern);
  if (kinds.length > 0) throw new IdentifierInTextError(field, kinds, language);
}

/** The reason must be one of config.staff.reasons and the ticket must match config.staff.ticketPattern. */
export function assertReasonAndTicket(
  config: BreachConfig,
  input: { reason: string; ticket: string },
  language: Locale,
): void {
  if (!config.staff.reasons.includes(input.reason)) {
    throw new InvalidInputError(
      'invalid_reason',
      language === 'nl' ? 'Kies een van de redenen uit de lijst.' : 'Choose one of the reasons in the list.',
    );
  }
  if (!new RegExp(config.staff.ticketPattern).test(input.ticket)) {
    throw new InvalidInputError(
      'invalid_ticket',
      language === 'nl'
        ? 'Dit ticketnummer heeft niet de vorm die jullie ticketsysteem gebruikt (bijvoorbeeld INC-123456).'
        : 'This ticket number is not in the form your ticket system uses (for example INC-123456).',
    );
  }
}
