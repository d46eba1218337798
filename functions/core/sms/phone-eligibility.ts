import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalisePhone } from '../identifiers';
import type { SmsConfig } from './sms-config';
import { PhoneNotSupportedError } from './sms-errors';

/*
 * Which typed-in numbers the portal will text (DESIGN §9). First the number is normalised exactly as the import tool
 * normalises it (identifiers.ts, DESIGN §4): what is not a number is invalid_phone. Then it is classified with
 * libphonenumber's full metadata: a region outside `sms.countries` or a type outside `sms.numberTypes` (landline,
 * premium-rate, toll-free, pager, VoIP …) is phone_not_supported. Both verdicts depend on the number's shape only,
 * never on the breach, so they are the same for a customer and a stranger.
 */

export interface TextableNumber {
  e164: string;
  /** The enabled SMS settings that allowed it. */
  sms: SmsConfig;
}

/** The E.164 form of a number the portal may text, or a typed error. */
export function textableNumber(input: string, sms: SmsConfig | undefined, defaultRegion: string): TextableNumber {
  const e164 = normalisePhone(input, defaultRegion);
  if (!sms?.enabled) throw new PhoneNotSupportedError();
  const parsed = parsePhoneNumberFromString(e164);
  const region = parsed?.country;
  const type = parsed?.getType();
  if (!region || !type || !sms.countries.includes(region)) throw new PhoneNotSupportedError();
  if (!(sms.numberTypes as readonly string[]).includes(type)) throw new PhoneNotSupportedError();
  return { e164, sms };
}
