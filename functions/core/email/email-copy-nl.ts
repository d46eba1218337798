import { genuineDomainsPhrase, lookalikeDomain, subdomainExample } from '../genuine-sender';
import type { EmailCopy } from './copy-parameters';

/* Dutch, informal ("je"), as everywhere in the product. */

export const DUTCH_EMAIL_COPY: EmailCopy = {
  subject: (p) => `Uitslag van je datalekcheck bij ${p.organisation}`,
  greeting: 'Hallo,',
  affectedIntro: (p) =>
    `Je hebt gevraagd of jouw gegevens betrokken zijn bij „${p.incident}”. Dat is zo: je e-mailadres staat in ${
      p.recordCount === 1 ? 'één klantrecord' : `${p.recordCount} klantrecords`
    } uit dit datalek. Via de knop zie je welke gegevens van jou zijn gelekt en wat je nu het beste kunt doen.`,
  affectedButton: 'Bekijk welke gegevens zijn gelekt',
  affectedLinkNote: (p) =>
    `De link is ${p.tokenHours} uur geldig. Als je hem hebt geopend, kun je de uitslag ${p.resultWindowMinutes} minuten bekijken. Daarna kun je de check gewoon opnieuw doen.`,
  affectedVerify: (p) =>
    `Twijfel je of deze e-mail echt is? Klik dan niet, maar typ zelf ${p.portalDomain} in je browser en doe de check opnieuw, of bel ${p.supportPhone}, ${p.supportHours}. De knop hierboven gaat naar ${p.portalDomain}. Die pagina vraagt niets van je: geen wachtwoord, geen code, geen bankgegevens en geen betaling.`,
  affectedNotRequested:
    'Heb je deze check niet zelf gedaan? Dan heeft iemand anders je e-mailadres ingevuld. Deze e-mail gaat alleen naar jou, en jouw gegevens zitten wel in dit datalek: bekijk dus toch wat je kunt doen.',
  notFoundIntro: (p) =>
    `Je hebt gevraagd of jouw gegevens betrokken zijn bij „${p.incident}”. Bij dit e-mailadres hebben we geen klantrecord gevonden.`,
  notFoundSupport: (p) =>
    `Dat zegt nog niet alles: misschien kennen we een oud e-mailadres van je, of helemaal geen. Onze klantenservice kan dan voor je zoeken op telefoonnummer of klantnummer. Bel ${p.supportPhone}, ${p.supportHours}.`,
  notFoundAssist: 'Of vraag of we je terugbellen:',
  notFoundNotRequested:
    'Heb je deze check niet zelf gedaan? Dan heeft iemand anders je e-mailadres ingevuld. Je hoeft niets te doen.',
  moreInfo: (p) => `Meer over het datalek op de website van ${p.organisation}:`,
  neverAsks: (p) =>
    `${p.organisation} vraagt je nooit per e-mail, sms of telefoon om je wachtwoord, IBAN, pincode of verificatiecodes. Geef die nooit door, ook niet als iemand zegt dat hij van ${p.organisation} is.`,
  genuineSender: (p) => {
    const example = subdomainExample(p.genuineDomains, p.senderAddress);
    const { exactly: domains, endings } = genuineDomainsPhrase(p.genuineDomains, 'of');
    return `Deze e-mail komt van ${p.senderAddress}. Echte e-mail van ${p.organisation} komt alleen van adressen waarin na de @ precies ${domains} staat, of iets wat eindigt op ${endings}${
      example ? ` (zoals ${example})` : ''
    }. Staat er iets anders, zoals ${lookalikeDomain(p.genuineDomains[0] ?? '', 'veilig-inloggen.com')}, dan is de e-mail nep.`;
  },
  replies: (p) =>
    p.replyTo
      ? `Antwoorden op deze e-mail gaan naar ${p.replyTo} en worden gelezen door onze klantenservice.`
      : `Antwoorden op deze e-mail worden niet gelezen. Heb je een vraag? Bel ${p.supportPhone}.`,
  linkFallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
  linkSpansLines: 'De link staat over meerdere regels: kopieer alles tussen < en >.',
};
