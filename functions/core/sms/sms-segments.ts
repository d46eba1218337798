/*
 * How many SMS segments a text costs (every segment is billed as one message). A text that uses only the GSM 03.38
 * alphabet is sent in GSM-7: 160 septets in one segment, 153 per segment when split (the rest is the concatenation
 * header); the extension characters (€ [ ] { } \ ^ ~ | and form feed) take two septets each. One character outside
 * it (an emoji, an en dash, a curly quote) turns the whole text into UCS-2: 70 UTF-16 units, 67 per segment when split.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

export interface SmsEncoding {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsEncodingOf(text: string): SmsEncoding {
  let septets = 0;
  for (const character of text) {
    if (GSM7_BASIC.includes(character)) septets += 1;
    else if (GSM7_EXTENSION.includes(character)) septets += 2;
    else return { encoding: 'UCS-2', units: text.length, segments: segmentsFor(text.length, 70, 67) };
  }
  return { encoding: 'GSM-7', units: septets, segments: segmentsFor(septets, 160, 153) };
}

function segmentsFor(units: number, single: number, perPart: number): number {
  return units <= single ? 1 : Math.ceil(units / perPart);
}
