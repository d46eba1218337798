import type { Locale } from '../../../../functions/core/breach-config';

/* The console's "send the result link by SMS" section (issue 14), per locale; Dutch uses "je". */

export interface StaffSmsText {
  heading: string;
  intro: string;
  phone: string;
  submit: string;
  queued: string;
  phoneNotSupported: string;
  budgetExhausted: string;
}

export function staffSmsText(locale: Locale): StaffSmsText {
  return locale === 'nl'
    ? {
        heading: 'De uitslag per sms sturen',
        intro:
          'Stuurt de beller dezelfde sms als de website naar het mobiele nummer dat bij ons bekend is: met de link naar de uitslag, zodat je geen gegevens hoeft voor te lezen. Staat het nummer niet in het datalek, dan krijgt de beller een sms die dat zegt.',
        phone: 'Mobiel nummer van de beller',
        submit: 'Sms versturen',
        queued: 'Gedaan. De beller krijgt binnen een paar minuten een sms.',
        phoneNotSupported: "Dit nummer kunnen we niet sms'en: alleen Nederlandse mobiele nummers (06).",
        budgetExhausted: 'Het sms-budget van vandaag is op. Stuur de bevestigingsmail of probeer het morgen opnieuw.',
      }
    : {
        heading: 'Send the result by text message',
        intro:
          'Sends the caller the same text as the website, to the mobile number on record: with the link to the result, so you need not read any data out. If the number is not in the breach, the caller gets a text that says so.',
        phone: "Caller's mobile number",
        submit: 'Send the text',
        queued: 'Done. The caller receives a text within a few minutes.',
        phoneNotSupported: 'This number cannot be texted: Dutch mobile numbers (06) only.',
        budgetExhausted: "Today's SMS budget is spent. Re-send the confirmation email or try again tomorrow.",
      };
}
