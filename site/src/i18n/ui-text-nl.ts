import type { BreachConfig } from '../../../functions/core/breach-config';
import { genuineDomainsPhrase } from '../../../functions/core/genuine-sender';
import type { UiText } from './ui-text';

export function dutchUiText(config: BreachConfig): UiText {
  const org = config.organisation.name;
  const support = config.support.nl;
  const { exactly: domains, endings } = genuineDomainsPhrase(config.genuineSenderDomains, 'of');
  return {
    languageName: 'Nederlands',
    switchLanguage: 'English',
    skipLink: 'Direct naar de inhoud',
    siteName: `Datalekcheck ${org}`,
    navLabel: 'Hoofdmenu',
    nav: {
      home: 'Check',
      phishing: 'Phishing herkennen',
      faq: 'Vragen',
      privacy: 'Privacy',
      assist: 'Hulp bij de check',
      guidance: 'Wat kun je doen?',
    },
    footerContact: `Vragen? Bel ${org}: ${support.phone}`,
    footerHours: `Bereikbaar ${support.hours}.`,
    noscript: `Voor het versturen van dit formulier en het tonen van je uitslag is JavaScript nodig. Zet JavaScript aan, of bel ${org} op ${support.phone} (${support.hours}).`,
    localBanner: 'Lokale demo — open de inbox',
    errorSummaryTitle: 'Er is een probleem',
    required: 'Vul dit veld in.',
    networkError: 'Er kon geen verbinding worden gemaakt. Controleer je internetverbinding en probeer het opnieuw.',
    unexpectedError: 'Er ging iets mis. Probeer het over een paar minuten opnieuw.',
    rateLimited: 'Je hebt te vaak een check gedaan. Probeer het over {minutes} minuten opnieuw.',
    rateLimitedUntil:
      'Voor dit adres zijn de afgelopen 24 uur al genoeg checks gedaan. Probeer het {day}na {time} opnieuw, of laat je nu terugbellen (zie hieronder).',
    rateLimitedTomorrow: 'morgen ',
    fieldNames: {
      fullName: 'Naam',
      address: 'Adres',
      phone: 'Telefoonnummer',
      customerNumber: 'Klantnummer',
      email: 'E-mailadres',
      iban: 'IBAN (rekeningnummer)',
      dateOfBirth: 'Geboortedatum',
      idDocumentNumber: 'Nummer van je identiteitsbewijs',
      idDocumentValidity: 'Geldigheidsdatum van je identiteitsbewijs',
    },
    home: {
      title: config.title.nl,
      whatHappened: 'Wat is er gebeurd?',
      discovered: 'Ontdekt op',
      exposedHeading: 'Welke gegevens zijn buitgemaakt?',
      exposedIntro: 'Bij klanten van wie gegevens zijn gedownload, ging het om deze soorten gegevens:',
      checkHeading: 'Check of jouw gegevens erbij zitten',
      checkIntro:
        'Vul je e-mailadres in. Je krijgt binnen een paar minuten een e-mail: met een link naar je persoonlijke uitslag als je gegevens erbij zitten, of met uitleg als we niets vinden op dit adres.',
      emailLabel: 'E-mailadres',
      emailHint: 'Het adres dat je bij ons gebruikt, bijvoorbeeld naam@voorbeeld.nl.',
      submit: 'Stuur mij de uitslag',
      sending: 'Bezig met versturen…',
      invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      undeliverableEmail:
        'We kunnen geen e-mail sturen naar een adres met letters als é of ü vóór de @. Gebruik een ander adres, of laat je terugbellen.',
      noEmailRoute: 'Heb je geen e-mailadres bij ons, of een oud adres?',
      assistLink: 'Vraag hulp bij de check',
    },
    checkSent: {
      title: 'Kijk in je mailbox',
      intro: 'Als het e-mailadres klopt, is er nu een e-mail naar je onderweg.',
      expectHeading: 'Wat krijg je?',
      expect: [
        `Zitten je gegevens bij het datalek? Dan krijg je een e-mail met een persoonlijke link naar je uitslag. De link werkt ${config.retention.tokenHours} uur; nadat je hem hebt geopend nog ${config.retention.resultWindowMinutes} minuten.`,
        'Vinden we niets op dit adres? Dan krijg je een e-mail die dat zegt, met uitleg over hoe we je op een andere manier kunnen helpen.',
        'De e-mail noemt nooit je gegevens zelf, alleen welke soorten gegevens het betreft.',
      ],
      senderLine: `De e-mail komt van ${config.sender.name} <${config.sender.address}>.`,
      domainsLine: `Echte e-mails van ${org} komen alleen van adressen waarin na de @ precies ${domains} staat, of iets wat eindigt op ${endings}.`,
      whyHeading: 'Waarom zie ik de uitslag niet hier op het scherm?',
      why: [
        'Iedereen kan een e-mailadres intypen. Als we de uitslag hier zouden tonen, kan iemand anders zien of jouw gegevens zijn gelekt.',
        'Door de uitslag alleen naar het e-mailadres zelf te sturen, ziet alleen de eigenaar van dat adres het antwoord.',
      ],
      noMailHeading: 'Geen e-mail ontvangen?',
      noMail: [
        'Wacht een paar minuten: het kan even duren.',
        'Kijk in je map met ongewenste e-mail (spam).',
        'Controleer of je het juiste adres hebt ingevuld, en doe de check zo nodig opnieuw.',
        'Nog steeds niets? Mogelijk staat er een ander of geen e-mailadres bij ons. Vraag dan hulp bij de check: we bellen je terug.',
      ],
      assistLink: 'Vraag hulp bij de check',
    },
    result: {
      title: 'Jouw uitslag',
      loading: 'Je uitslag wordt opgehaald…',
      exposedHeading: 'Deze gegevens van jou zijn buitgemaakt',
      exposedIntro: 'Het belangrijkste staat bovenaan. Bij elk gegeven lees je wat je kunt doen.',
      matchedRecords: 'We vonden {count} klantrecords bij dit e-mailadres; hieronder zie je ze samen.',
      matchedOneRecord: 'We vonden één klantrecord bij dit e-mailadres.',
      readGuidance: 'Wat kun je doen?',
      nothingHeading: 'Er zijn geen gegevens van jou buitgemaakt',
      nothing:
        'Bij dit e-mailadres zijn in dit datalek geen gegevens gevonden die zijn gedownload. Je hoeft niets te doen.',
      checkAgain: 'Doe de check opnieuw',
      tokenExpiredHeading: 'Deze link is verlopen',
      tokenExpired: `Links in onze e-mail werken ${config.retention.tokenHours} uur. Doe de check opnieuw: je krijgt direct een nieuwe e-mail.`,
      tokenUsedHeading: 'Deze link is al gebruikt',
      tokenUsed:
        'Om je gegevens te beschermen werkt een link maar kort nadat je hem hebt geopend. Doe de check opnieuw voor een nieuwe link.',
      tokenUnknownHeading: 'Deze link werkt niet',
      tokenUnknown:
        'We herkennen deze link niet. Misschien is hij niet helemaal gekopieerd. Open de link opnieuw vanuit de e-mail, of doe de check opnieuw.',
      networkHeading: 'Je uitslag kon niet worden opgehaald',
      network: 'Er kon geen verbinding worden gemaakt. Controleer je internetverbinding en probeer het opnieuw.',
      retry: 'Probeer opnieuw',
      noTokenHeading: 'Open deze pagina via de link in je e-mail',
      noToken: 'Deze pagina toont je uitslag alleen als je hem opent via de persoonlijke link in onze e-mail.',
      doFirstHeading: 'Doe dit eerst',
      print: 'Afdrukken of bewaren als pdf',
      nextStepsHeading: 'Let op phishing',
      nextSteps: [
        `Criminelen kunnen deze gegevens gebruiken om zich voor te doen als ${org}, je bank of de overheid.`,
        `${org} vraagt nooit om je wachtwoord, inlogcodes of bankgegevens.`,
      ],
    },
    assist: {
      title: 'Hulp bij de check',
      intro: [
        'Kun je de check niet per e-mail doen, bijvoorbeeld omdat je geen e-mailadres bij ons hebt? Laat je gegevens achter, dan belt een medewerker je terug en zoekt het samen met je uit.',
        `We gebruiken wat je hier invult alleen om je terug te bellen. Het wordt versleuteld bewaard en uiterlijk na ${config.retention.assistRequestDays} dagen verwijderd.`,
      ],
      nameLabel: 'Naam',
      phoneLabel: 'Telefoonnummer',
      phoneHint: 'Waarop we je kunnen terugbellen, bijvoorbeeld 06 12345678.',
      customerNumberLabel: 'Klantnummer (als je het weet)',
      customerNumberHint: config.customerNumberExample
        ? `Staat op je factuur, bijvoorbeeld ${config.customerNumberExample}.`
        : 'Staat op je factuur.',
      contactLegend: 'Hoe kunnen we je vinden?',
      contactHint: 'Vul een telefoonnummer of een klantnummer in, of allebei.',
      preferredTimeLabel: 'Wanneer kunnen we je het best bellen?',
      preferredTimes: [
        { value: 'morning', label: 'Ochtend (9:00–12:00)' },
        { value: 'afternoon', label: 'Middag (12:00–17:00)' },
        { value: 'evening', label: 'Avond (17:00–20:00)' },
        { value: 'anytime', label: 'Maakt niet uit' },
      ],
      messageLabel: 'Bericht (niet verplicht)',
      messageHint: 'Zet hier geen wachtwoorden, rekeningnummers of andere gevoelige gegevens in.',
      submit: 'Vraag om terugbellen',
      invalidName: 'Vul je naam in.',
      invalidPhone: 'Vul een geldig telefoonnummer in, zoals 06 12345678 of +31 6 12345678.',
      invalidCustomerNumber: 'Vul een geldig klantnummer in, zoals het op je factuur staat.',
      needContact: 'Vul een telefoonnummer of een klantnummer in.',
      invalidPreferredTime: 'Kies wanneer we je het best kunnen bellen.',
      invalidMessage: 'Je bericht is te lang. Maak het korter.',
      thanksHeading: 'Bedankt, we bellen je terug',
      thanks: [
        config.callback
          ? `Een medewerker belt je binnen ${config.callback.withinWorkingDays === 1 ? '1 werkdag' : `${config.callback.withinWorkingDays} werkdagen`}, op het moment dat je hebt gekozen. We bellen vanaf ${config.callback.callerNumber}.`
          : 'Een medewerker belt je zo snel mogelijk, op het moment dat je hebt gekozen.',
        'Noem je referentie als je ons belt of als wij je bellen. De medewerker noemt hem ook, zodat je weet dat het om jouw verzoek gaat.',
        `Let op: de medewerker vraagt nooit om je wachtwoord, inlogcodes of bankgegevens. Twijfel je? Hang op en bel zelf ${support.phone}.`,
      ],
      referenceLabel: 'Je referentie:',
    },
    closing: {
      heading: 'De check is gesloten',
      body: [
        'Deze check was beschikbaar tot en met {closingDate}. De gegevens die voor de check nodig waren, zijn verwijderd.',
        `Heb je nog vragen over het datalek? Bel ${org} op ${support.phone} (${support.hours}).`,
      ],
    },
    guidanceIndex: {
      title: 'Wat kun je doen per gegeven?',
      intro: 'Kies het gegeven dat van jou is buitgemaakt. Het belangrijkste staat bovenaan.',
    },
    guidance: {
      whyHeading: 'Waarom is dit belangrijk?',
      criminalsHeading: 'Wat doen criminelen ermee?',
      stepsHeading: 'Wat kun je doen?',
      timeHeading: 'Hoeveel tijd kost het?',
      reportHeading: 'Waar meld je het?',
      sourcesHeading: 'Bronnen',
      otherFields: 'Andere gegevens',
      backToResult: 'Terug naar je uitslag',
    },
    redirect: { title: 'Datalekcheck', body: 'Kies je taal:' },
  };
}
