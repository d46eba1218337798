/*
 * The per-address limit counts mailboxes, not spellings (docs/security.md, "Mailbox variants"). `a+1@gmail.com`,
 * `a.b@gmail.com` and `ab@googlemail.com` all reach one inbox; counted apart, each spelling had its own allowance
 * and one inbox could be sent dozens of mails in seconds. The key is used for COUNTING ONLY: the look-up keeps the
 * exact normalised address (DESIGN §4), because the breach file holds whatever spelling the customer gave.
 * The key is hashed with the pepper before it is stored, like every rate-limit subject (rate-limit.ts).
 */

/** Providers that ignore dots in the local part, and the domain each one's aliases fold into. */
const DOTS_IGNORED: Readonly<Record<string, string>> = {
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
};

/** Takes a NORMALISED address (normaliseEmail: lower case, NFC, ASCII domain). */
export function canonicalMailbox(normalisedAddress: string): string {
  const at = normalisedAddress.lastIndexOf('@');
  const domain = normalisedAddress.slice(at + 1);
  // A plus tag is delivered to the untagged mailbox by nearly every provider; counting it apart only helps abuse.
  let localPart = normalisedAddress.slice(0, at).replace(/\+.*$/, '');
  const folded = DOTS_IGNORED[domain];
  if (folded) localPart = localPart.replaceAll('.', '');
  // "+tag@…" alone would leave nothing: count it under its whole spelling instead.
  if (localPart === '') return normalisedAddress;
  return `${localPart}@${folded ?? domain}`;
}
