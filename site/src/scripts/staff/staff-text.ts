import type { Locale } from '../../../../functions/core/breach-config';

/*
 * Every sentence of the staff console, per locale. The page renders the static part; the messages the script
 * needs travel as a JSON data block (see pages/staff/_console.astro), so the script carries no text and one bundle
 * serves both languages.
 */

export interface StaffConsoleMessages {
  signedInAs: string;
  roles: { agent: string; supervisor: string };
  working: string;
  networkError: string;
  unexpectedError: string;
  sessionExpired: string;
  rateLimited: string;
  auditUnavailable: string;
  forbidden: string;
  invalidCredentials: string;
  errors: Record<string, string>;
  found: string;
  notFound: string;
  notFoundAdvice: string;
  readOut: string;
  noValues: string;
  confirmationQueued: string;
  queueEmpty: string;
  queueSaved: string;
  statuses: { open: string; in_progress: string; done: string };
  detailNames: Record<string, string>;
  columns: {
    received: string;
    details: string;
    status: string;
    note: string;
    action: string;
    at: string;
    staff: string;
    actionName: string;
    outcome: string;
    ticket: string;
    reason: string;
    subject: string;
    day: string;
  };
  save: string;
  auditEmpty: string;
  auditTruncated: string;
  chartTitle: string;
  chartDescription: string;
  metricNames: Record<'checks' | 'hits' | 'misses' | 'redeemed' | 'assist_requests' | 'staff_lookups', string>;
}

export interface StaffConsoleText {
  title: string;
  intro: string;
  noscript: string;
  login: {
    heading: string;
    user: string;
    password: string;
    submit: string;
    localHint: string;
    cognitoIntro: string;
    cognitoButton: string;
  };
  signOut: string;
  sectionsLabel: string;
  lookup: {
    heading: string;
    intro: string;
    verifyFirst: string;
    type: string;
    types: { phone: string; email: string; customerNumber: string };
    value: string;
    valueHint: string;
    reason: string;
    reasonHint: string;
    ticket: string;
    ticketHint: string;
    submit: string;
  };
  confirm: { heading: string; intro: string; email: string; submit: string };
  queue: { heading: string; intro: string; status: string; refresh: string };
  audit: { heading: string; intro: string; from: string; to: string; staff: string; staffHint: string; submit: string };
  metrics: { heading: string; intro: string; days: string; submit: string };
  messages: StaffConsoleMessages;
}

const english: StaffConsoleText = {
  title: 'Staff console',
  intro: 'For support staff helping callers. Every look-up is recorded with your name, the reason and the ticket.',
  noscript: 'The staff console needs JavaScript.',
  login: {
    heading: 'Sign in',
    user: 'User name',
    password: 'Password',
    submit: 'Sign in',
    localHint: 'Local demo only: agent.anna / demo-agent or supervisor.sam / demo-supervisor.',
    cognitoIntro: 'Sign in with your staff account (multi-factor authentication required).',
    cognitoButton: 'Sign in with your staff account',
  },
  signOut: 'Sign out',
  sectionsLabel: 'Console sections',
  lookup: {
    heading: 'Look up a caller',
    intro: 'One caller at a time. You will see which kinds of data were exposed — never the data itself.',
    verifyFirst: 'Verify the caller first, as for any account question.',
    type: 'Look up by',
    types: { phone: 'Phone number', email: 'Email address', customerNumber: 'Customer number' },
    value: 'Value the caller gives',
    valueHint: 'As the caller says it: 06 12345678, +31 6 1234 5678 and 0031612345678 are the same number.',
    reason: 'Reason',
    reasonHint: 'Why you look this up, e.g. "caller has no access to the email on file". No personal data.',
    ticket: 'Ticket number',
    ticketHint: 'The ticket of this call, e.g. INC-123456.',
    submit: 'Look up',
  },
  confirm: {
    heading: 'Re-send the confirmation email',
    intro: 'Sends the customer the same email the website would, so they read the result themselves.',
    email: 'Customer email address',
    submit: 'Send the email',
  },
  queue: {
    heading: 'Call-back queue',
    intro: 'Customers who asked to be called back. Their details are shown only here; do not copy them elsewhere.',
    status: 'Show requests that are',
    refresh: 'Show',
  },
  audit: {
    heading: 'Audit log',
    intro: 'Who looked up what, when, why and for which ticket. At most 31 days at a time.',
    from: 'From',
    to: 'To',
    staff: 'Staff member (optional)',
    staffHint: 'The user name, e.g. agent.anna.',
    submit: 'Show the log',
  },
  metrics: {
    heading: 'Daily figures',
    intro: 'Counts only, no identifiers.',
    days: 'Number of days (1–90)',
    submit: 'Show',
  },
  messages: {
    signedInAs: 'Signed in as {user} ({role}).',
    roles: { agent: 'agent', supervisor: 'supervisor' },
    working: 'Working…',
    networkError: 'No connection to the portal. Check your network and try again.',
    unexpectedError: 'Something went wrong. Try again; if it keeps happening, tell your supervisor.',
    sessionExpired: 'Your session has ended. Sign in again.',
    rateLimited: 'You have reached the hourly limit of look-ups. Try again in {minutes} minutes.',
    auditUnavailable: 'The audit log cannot be written right now, so nothing was looked up. Try again in a minute.',
    forbidden: 'Your role may not do this.',
    invalidCredentials: 'Unknown user name or wrong password.',
    errors: {
      missing_reason: 'Fill in the reason.',
      invalid_reason: 'Keep the reason under 300 characters.',
      missing_ticket: 'Fill in the ticket number.',
      invalid_ticket: 'A ticket number looks like INC-123456.',
      invalid_phone: 'This is not a valid phone number.',
      invalid_email: 'This is not a valid email address.',
      invalid_customer_number: 'This is not a valid customer number.',
      range_too_long: 'Choose at most 31 days.',
      invalid_range: '"To" must not be before "From".',
      invalid_query: 'Check the values you entered.',
    },
    found: 'Found: {records} record(s). Exposed:',
    notFound: 'No record found for this {type}.',
    notFoundAdvice:
      'This does not prove the caller was not affected: try another identifier they may have used, or re-send the confirmation email.',
    readOut: 'Read out or send the guidance link for each:',
    noValues: 'The portal holds no values: do not confirm or read out any personal data.',
    confirmationQueued: 'Done. If the address is known, the customer receives the result email within a few minutes.',
    queueEmpty: 'No requests with this status.',
    queueSaved: 'Saved.',
    statuses: { open: 'open', in_progress: 'in progress', done: 'done' },
    detailNames: {
      name: 'Name',
      phone: 'Phone',
      customerNumber: 'Customer number',
      preferredTime: 'Preferred time',
      message: 'Message',
      text: 'Details',
    },
    columns: {
      received: 'Received',
      details: 'Caller',
      status: 'Status',
      note: 'Note',
      action: 'Change',
      at: 'When (UTC)',
      staff: 'Staff',
      actionName: 'Action',
      outcome: 'Outcome',
      ticket: 'Ticket',
      reason: 'Reason',
      subject: 'Subject (hash)',
      day: 'Day',
    },
    save: 'Save',
    auditEmpty: 'No records in this period.',
    auditTruncated: 'More records exist: narrow the period or filter by staff member.',
    chartTitle: 'Checks per day',
    chartDescription: 'Bar chart of checks per day; the same figures are in the table below.',
    metricNames: {
      checks: 'Checks',
      hits: 'Found',
      misses: 'Not found',
      redeemed: 'Results opened',
      assist_requests: 'Call-back requests',
      staff_lookups: 'Staff look-ups',
    },
  },
};

const dutch: StaffConsoleText = {
  title: 'Medewerkersconsole',
  intro: 'Voor medewerkers die bellers helpen. Elke opzoeking wordt vastgelegd met uw naam, de reden en het ticket.',
  noscript: 'De medewerkersconsole werkt alleen met JavaScript.',
  login: {
    heading: 'Inloggen',
    user: 'Gebruikersnaam',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    localHint: 'Alleen lokale demo: agent.anna / demo-agent of supervisor.sam / demo-supervisor.',
    cognitoIntro: 'Log in met uw medewerkersaccount (tweestapsverificatie verplicht).',
    cognitoButton: 'Inloggen met uw medewerkersaccount',
  },
  signOut: 'Uitloggen',
  sectionsLabel: 'Onderdelen van de console',
  lookup: {
    heading: 'Een beller opzoeken',
    intro: 'Eén beller tegelijk. U ziet welke soorten gegevens zijn gelekt — nooit de gegevens zelf.',
    verifyFirst: 'Controleer eerst de identiteit van de beller, zoals bij elke accountvraag.',
    type: 'Zoeken op',
    types: { phone: 'Telefoonnummer', email: 'E-mailadres', customerNumber: 'Klantnummer' },
    value: 'Gegeven van de beller',
    valueHint: 'Zoals de beller het zegt: 06 12345678, +31 6 1234 5678 en 0031612345678 zijn hetzelfde nummer.',
    reason: 'Reden',
    reasonHint: 'Waarom u dit opzoekt, bijv. "beller kan niet bij het bekende e-mailadres". Geen persoonsgegevens.',
    ticket: 'Ticketnummer',
    ticketHint: 'Het ticket van dit gesprek, bijv. INC-123456.',
    submit: 'Opzoeken',
  },
  confirm: {
    heading: 'De bevestigingsmail opnieuw sturen',
    intro: 'Stuurt de klant dezelfde e-mail als de website, zodat de klant de uitkomst zelf leest.',
    email: 'E-mailadres van de klant',
    submit: 'E-mail versturen',
  },
  queue: {
    heading: 'Terugbelverzoeken',
    intro: 'Klanten die gebeld willen worden. Hun gegevens staan alleen hier; neem ze nergens anders over.',
    status: 'Toon verzoeken met status',
    refresh: 'Tonen',
  },
  audit: {
    heading: 'Auditlog',
    intro: 'Wie zocht wat op, wanneer, waarom en voor welk ticket. Maximaal 31 dagen tegelijk.',
    from: 'Van',
    to: 'Tot en met',
    staff: 'Medewerker (optioneel)',
    staffHint: 'De gebruikersnaam, bijv. agent.anna.',
    submit: 'Log tonen',
  },
  metrics: {
    heading: 'Cijfers per dag',
    intro: 'Alleen aantallen, geen gegevens van klanten.',
    days: 'Aantal dagen (1–90)',
    submit: 'Tonen',
  },
  messages: {
    signedInAs: 'Ingelogd als {user} ({role}).',
    roles: { agent: 'medewerker', supervisor: 'supervisor' },
    working: 'Bezig…',
    networkError: 'Geen verbinding met het portaal. Controleer uw netwerk en probeer het opnieuw.',
    unexpectedError: 'Er ging iets mis. Probeer het opnieuw; blijft het gebeuren, meld het dan aan uw supervisor.',
    sessionExpired: 'Uw sessie is verlopen. Log opnieuw in.',
    rateLimited: 'U hebt het maximum aantal opzoekingen per uur bereikt. Probeer het over {minutes} minuten opnieuw.',
    auditUnavailable: 'Het auditlog kan nu niet worden geschreven, dus er is niets opgezocht. Probeer het zo opnieuw.',
    forbidden: 'Uw rol mag dit niet.',
    invalidCredentials: 'Onbekende gebruikersnaam of verkeerd wachtwoord.',
    errors: {
      missing_reason: 'Vul de reden in.',
      invalid_reason: 'Houd de reden korter dan 300 tekens.',
      missing_ticket: 'Vul het ticketnummer in.',
      invalid_ticket: 'Een ticketnummer ziet eruit als INC-123456.',
      invalid_phone: 'Dit is geen geldig telefoonnummer.',
      invalid_email: 'Dit is geen geldig e-mailadres.',
      invalid_customer_number: 'Dit is geen geldig klantnummer.',
      range_too_long: 'Kies maximaal 31 dagen.',
      invalid_range: '"Tot en met" mag niet vóór "Van" liggen.',
      invalid_query: 'Controleer de ingevulde waarden.',
    },
    found: 'Gevonden: {records} record(s). Gelekt:',
    notFound: 'Geen record gevonden voor dit {type}.',
    notFoundAdvice:
      'Dat bewijst niet dat de beller niet getroffen is: probeer een ander gegeven dat de beller gebruikt kan hebben, of stuur de bevestigingsmail opnieuw.',
    readOut: 'Lees per gegeven de uitleg voor of stuur de link:',
    noValues: 'Het portaal bevat geen waarden: bevestig of noem nooit persoonsgegevens.',
    confirmationQueued:
      'Gedaan. Als het adres bekend is, krijgt de klant binnen enkele minuten de e-mail met de uitkomst.',
    queueEmpty: 'Geen verzoeken met deze status.',
    queueSaved: 'Opgeslagen.',
    statuses: { open: 'open', in_progress: 'in behandeling', done: 'afgehandeld' },
    detailNames: {
      name: 'Naam',
      phone: 'Telefoon',
      customerNumber: 'Klantnummer',
      preferredTime: 'Voorkeurstijd',
      message: 'Bericht',
      text: 'Gegevens',
    },
    columns: {
      received: 'Ontvangen',
      details: 'Beller',
      status: 'Status',
      note: 'Notitie',
      action: 'Wijzigen',
      at: 'Wanneer (UTC)',
      staff: 'Medewerker',
      actionName: 'Actie',
      outcome: 'Uitkomst',
      ticket: 'Ticket',
      reason: 'Reden',
      subject: 'Onderwerp (hash)',
      day: 'Dag',
    },
    save: 'Opslaan',
    auditEmpty: 'Geen records in deze periode.',
    auditTruncated: 'Er zijn meer records: kies een kortere periode of filter op medewerker.',
    chartTitle: 'Controles per dag',
    chartDescription: 'Staafdiagram van controles per dag; dezelfde cijfers staan in de tabel eronder.',
    metricNames: {
      checks: 'Controles',
      hits: 'Gevonden',
      misses: 'Niet gevonden',
      redeemed: 'Uitkomsten geopend',
      assist_requests: 'Terugbelverzoeken',
      staff_lookups: 'Opzoekingen medewerkers',
    },
  },
};

export function staffConsoleText(locale: Locale): StaffConsoleText {
  return locale === 'nl' ? dutch : english;
}
