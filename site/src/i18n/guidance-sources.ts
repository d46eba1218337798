import type { Locale } from '../../../functions/core/breach-config';

/*
 * The primary sources behind the guidance pages, and the places to report. Each fact on a guidance page was checked
 * against the page linked here (November 2026); a fact that could not be checked is phrased as "check with your
 * bank / provider" instead of stated.
 */

export const SOURCE_IDS = [
  'apDataBreachVictim',
  'rvigCmiDataBreach',
  'rvigCmiCopyIdForm',
  'rijksoverheidIdentityFraud',
  'bkrCreditSummary',
  'consumentenbondDirectDebit',
  'fraudehelpdeskSuspiciousMail',
  'politieBankHelpdeskFraud',
  'slachtofferwijzerSimSwap',
  'gemeenteIdDocument',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface Source {
  url: string;
  publisher: string;
  title: Record<Locale, string>;
}

export const SOURCES: Record<SourceId, Source> = {
  apDataBreachVictim: {
    url: 'https://autoriteitpersoonsgegevens.nl/themas/beveiliging/datalekken/slachtoffer-van-een-datalek-dit-kunt-u-doen',
    publisher: 'Autoriteit Persoonsgegevens',
    title: {
      nl: 'Slachtoffer van een datalek? Dit kunt u doen',
      en: 'Victim of a data breach? What you can do (Dutch)',
    },
  },
  rvigCmiDataBreach: {
    url: 'https://www.rvig.nl/centraal-meldpunt-identiteitsfraude/',
    publisher: 'Rijksdienst voor Identiteitsgegevens (RvIG)',
    title: {
      nl: 'Centraal Meldpunt Identiteitsfraude: wat kun je doen bij een datalek?',
      en: 'Central Identity Fraud Reporting Point: what to do after a data breach (Dutch)',
    },
  },
  rvigCmiCopyIdForm: {
    url: 'https://www.rvig.nl/centraal-meldpunt-identiteitsfraude/melding-doen-bij-het-cmi/meldingsformulier-1-kopie-id-afgegeven',
    publisher: 'Rijksdienst voor Identiteitsgegevens (RvIG)',
    title: { nl: 'Meldingsformulier: kopie ID afgegeven', en: 'Report form: copy of ID given out (Dutch)' },
  },
  rijksoverheidIdentityFraud: {
    url: 'https://www.rijksoverheid.nl/onderwerpen/identiteitsfraude/vraag-en-antwoord/wat-doe-ik-bij-mogelijke-identiteitsfraude',
    publisher: 'Rijksoverheid',
    title: {
      nl: 'Ik ben slachtoffer van identiteitsfraude. Wat kan ik doen?',
      en: 'I am a victim of identity fraud. What can I do? (Dutch)',
    },
  },
  bkrCreditSummary: {
    url: 'https://www.bkr.nl/veelgestelde-vragen/frequently-asked-questions-en/what-can-i-do-if-there-is-an-error-on-my-credit-summary/',
    publisher: 'Stichting BKR',
    title: { nl: 'Je kredietoverzicht gratis inzien (Engelstalig)', en: 'Viewing your credit summary free of charge' },
  },
  consumentenbondDirectDebit: {
    url: 'https://www.consumentenbond.nl/betaalrekening/incassomaatregelen',
    publisher: 'Consumentenbond',
    title: { nl: 'Incassomaatregelen: terugboeken en onterechte incasso', en: 'Reversing direct debits (Dutch)' },
  },
  fraudehelpdeskSuspiciousMail: {
    url: 'https://www.fraudehelpdesk.nl/onderzoek-verdachte-mail-geen-duidelijkheid/',
    publisher: 'Fraudehelpdesk',
    title: { nl: 'Verdachte e-mail doorsturen', en: 'Forwarding a suspicious email (Dutch)' },
  },
  politieBankHelpdeskFraud: {
    url: 'https://www.politie.nl/nieuws/2023/januari/31/03-drie-almeerders-aangehouden-voor-bankhelpdeskfraude.html',
    publisher: 'Politie',
    title: {
      nl: 'Bankhelpdeskfraude: hang op en bel je bank',
      en: 'Bank helpdesk fraud: hang up and call your bank (Dutch)',
    },
  },
  slachtofferwijzerSimSwap: {
    url: 'https://slachtofferwijzer.nl/artikelen/sim-swap-voorkomen',
    publisher: 'Slachtofferwijzer',
    title: { nl: 'Wat is sim swap?', en: 'What is a SIM swap? (Dutch)' },
  },
  gemeenteIdDocument: {
    url: 'https://www.arnhem.nl/Inwoners/legitimatie/voorkom_identiteitsfraude',
    publisher: 'Gemeente Arnhem',
    title: { nl: 'Voorkom identiteitsfraude', en: 'Preventing identity fraud (Dutch)' },
  },
};

export const REPORT_ROUTE_IDS = ['organisation', 'bank', 'fraudehelpdesk', 'cmi', 'police', 'ap'] as const;
export type ReportRouteId = (typeof REPORT_ROUTE_IDS)[number];

export interface ReportRoute {
  name: string;
  what: string;
  /** Absent where the right address is the reader's own (their bank). */
  url?: string;
}

/** Where to report; `organisation` is filled from the breach config by the page. */
export const REPORT_ROUTES: Record<Locale, Record<Exclude<ReportRouteId, 'organisation'>, ReportRoute>> = {
  nl: {
    bank: {
      name: 'Je eigen bank',
      what: 'Bel het nummer op je bankpas of in je bankapp bij een incasso of betaling die je niet herkent, of als iemand namens je bank belt.',
    },
    fraudehelpdesk: {
      name: 'Fraudehelpdesk',
      what: 'Stuur verdachte e-mails door naar valse-email@fraudehelpdesk.nl. Sms- en WhatsApp-berichten meld je via het meldformulier of op 088 - 786 73 72.',
      url: 'https://www.fraudehelpdesk.nl/',
    },
    cmi: {
      name: 'Centraal Meldpunt Identiteitsfraude (CMI)',
      what: 'Meld misbruik van je gegevens via het meldingsformulier, of bel 088 - 900 10 00 (maandag t/m vrijdag 8.30–17.00 uur).',
      url: 'https://www.rvig.nl/centraal-meldpunt-identiteitsfraude/',
    },
    police: {
      name: 'Politie',
      what: 'Doe aangifte als je gegevens zijn misbruikt, bijvoorbeeld bij oplichting. Bij direct gevaar: bel 112.',
      url: 'https://www.politie.nl/',
    },
    ap: {
      name: 'Autoriteit Persoonsgegevens',
      what: 'De toezichthouder voor klachten over hoe een organisatie met je persoonsgegevens omgaat.',
      url: 'https://autoriteitpersoonsgegevens.nl/',
    },
  },
  en: {
    bank: {
      name: 'Your own bank',
      what: 'Call the number on your bank card or in your banking app about a direct debit or payment you do not recognise, or when someone calls on behalf of your bank.',
    },
    fraudehelpdesk: {
      name: 'Fraudehelpdesk (Dutch fraud help desk)',
      what: 'Forward suspicious emails to valse-email@fraudehelpdesk.nl. Report text and WhatsApp messages through their report form or on +31 88 786 73 72.',
      url: 'https://www.fraudehelpdesk.nl/',
    },
    cmi: {
      name: 'Central Identity Fraud Reporting Point (CMI)',
      what: 'Report misuse of your data through the report form, or call +31 88 900 10 00 (Monday to Friday 8:30–17:00).',
      url: 'https://www.rvig.nl/centraal-meldpunt-identiteitsfraude/',
    },
    police: {
      name: 'Police',
      what: 'File a report (aangifte) when your data has been misused, for example in a fraud. In immediate danger: call 112.',
      url: 'https://www.politie.nl/',
    },
    ap: {
      name: 'Dutch Data Protection Authority (Autoriteit Persoonsgegevens)',
      what: 'The regulator for complaints about how an organisation handles your personal data.',
      url: 'https://autoriteitpersoonsgegevens.nl/',
    },
  },
};
