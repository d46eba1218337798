import type { BreachConfig, Locale } from '../../../functions/core/breach-config';

/*
 * The site's words for the check by mobile number (DESIGN §9), per locale. Dutch uses "je". Kept apart from
 * ui-text-*.ts: these appear only when the breach config enables the phone route (`sms.enabled`).
 */

export interface SmsText {
  channelLegend: string;
  byEmail: string;
  byPhone: string;
  phoneLabel: string;
  phoneHint: string;
  invalidPhone: string;
  phoneNotSupported: string;
  budgetExhausted: string;
  /** Replaces the email-only intro above the form when the phone route is on: one paragraph, so the form stays on the first screen. */
  checkIntroBoth: string;
  matchedOneRecordPhone: string;
  matchedRecordsPhone: string;
  sent: {
    title: string;
    intro: string;
    expectHeading: string;
    expect: string[];
    senderLine: string;
    whyHeading: string;
    why: string[];
    noTextHeading: string;
    noText: string[];
    assistLink: string;
    checkByEmail: string;
  };
}

export function smsText(locale: Locale, config: BreachConfig): SmsText {
  const org = config.organisation.name;
  const sender = config.sms?.senderId ?? org;
  const hours = config.retention.tokenHours;
  const minutes = config.retention.resultWindowMinutes;
  const perDay = config.sms?.checksPerNumberPerDay ?? 0;
  if (locale === 'nl') {
    return {
      channelLegend: 'Hoe wil je de uitslag krijgen?',
      byEmail: 'Per e-mail',
      byPhone: 'Per sms',
      phoneLabel: 'Mobiel nummer',
      phoneHint: 'Je Nederlandse mobiele nummer, bijvoorbeeld 06 12345678.',
      invalidPhone: 'Vul een geldig mobiel nummer in, zoals 06 12345678.',
      phoneNotSupported:
        'We kunnen alleen een sms sturen naar een Nederlands mobiel nummer (06). Kies "Per e-mail" of vraag hulp bij de check.',
      budgetExhausted: 'Checken per sms kan vandaag niet meer. Kies "Per e-mail", of probeer het morgen opnieuw.',
      checkIntroBoth: 'Binnen een paar minuten krijg je antwoord, per e-mail of per sms.',
      matchedOneRecordPhone: 'We vonden één klantrecord bij dit mobiele nummer.',
      matchedRecordsPhone: 'We vonden {count} klantrecords bij dit mobiele nummer; hieronder zie je ze samen.',
      sent: {
        title: 'Kijk op je telefoon',
        intro: 'Als het nummer klopt, is er nu een sms naar je mobiele nummer onderweg.',
        expectHeading: 'Wat krijg je?',
        expect: [
          `Zit je nummer bij het datalek? Dan krijg je een sms met een persoonlijke link naar je uitslag. De link werkt ${hours} uur; nadat je hem hebt geopend nog ${minutes} minuten.`,
          'Staat dit nummer niet in het datalek? Dan krijg je een sms die dat zegt, met het nummer van de klantenservice.',
          'De sms noemt nooit je gegevens zelf, en vraagt je nooit om iets in te vullen of te betalen.',
        ],
        senderLine: `De sms komt van afzender "${sender}".`,
        whyHeading: 'Waarom zie ik de uitslag niet hier op het scherm?',
        why: [
          'Iedereen kan een telefoonnummer intypen. Als we de uitslag hier zouden tonen, kan iemand anders zien of jouw gegevens zijn gelekt.',
          'Door de uitslag alleen naar het nummer zelf te sturen, ziet alleen wie die telefoon heeft het antwoord.',
        ],
        noTextHeading: 'Geen sms ontvangen?',
        noText: [
          'Wacht een paar minuten: het kan even duren.',
          'Controleer of je het juiste nummer hebt ingevuld, en doe de check zo nodig opnieuw.',
          `Je kunt een nummer ${perDay} keer per dag checken.`,
          'Nog steeds niets? Vraag hulp bij de check: we bellen je terug.',
        ],
        assistLink: 'Vraag hulp bij de check',
        checkByEmail: 'Check per e-mail',
      },
    };
  }
  return {
    channelLegend: 'How do you want the answer?',
    byEmail: 'By email',
    byPhone: 'By text message',
    phoneLabel: 'Mobile number',
    phoneHint: 'Your Dutch mobile number, for example 06 12345678.',
    invalidPhone: 'Enter a valid mobile number, such as 06 12345678.',
    phoneNotSupported: 'We can only text a Dutch mobile number (06). Choose "By email" or ask for help with the check.',
    budgetExhausted:
      'Checks by text message are not possible any more today. Choose "By email", or try again tomorrow.',
    checkIntroBoth: 'Within minutes you get the answer, by email or by text message.',
    matchedOneRecordPhone: 'We found one customer record for this mobile number.',
    matchedRecordsPhone: 'We found {count} customer records for this mobile number; below you see them all together.',
    sent: {
      title: 'Check your phone',
      intro: 'If the number is right, a text message is now on its way to your mobile.',
      expectHeading: 'What will you get?',
      expect: [
        `Is your number in the data breach? Then you get a text with a personal link to your result. The link works for ${hours} hours; once opened, for another ${minutes} minutes.`,
        'Is this number not in the data breach? Then you get a text that says so, with the customer service number.',
        'The text never contains your data itself, and never asks you to fill anything in or to pay.',
      ],
      senderLine: `The text comes from sender "${sender}".`,
      whyHeading: 'Why is the result not shown here on screen?',
      why: [
        'Anyone can type in a phone number. If we showed the result here, someone else could see whether your data was exposed.',
        'By sending the result only to the number itself, only whoever holds that phone sees the answer.',
      ],
      noTextHeading: 'No text received?',
      noText: [
        'Wait a few minutes: it can take a little while.',
        'Check that you typed the right number, and do the check again if needed.',
        `A number can be checked ${perDay} times a day.`,
        'Still nothing? Ask for help with the check: we will call you back.',
      ],
      assistLink: 'Ask for help with the check',
      checkByEmail: 'Check by email',
    },
  };
}
