import type { BreachConfig } from '../../../functions/core/breach-config';
import { genuineDomainsPhrase, lookalikeDomain, subdomainExample } from '../../../functions/core/genuine-sender';
import type { InfoPages } from './info-pages';
import { formatDate } from './ui-text';

export function dutchInfoPages(config: BreachConfig): InfoPages {
  const org = config.organisation.name;
  const support = config.support.nl;
  const { exactly: domains, endings } = genuineDomainsPhrase(config.genuineSenderDomains, 'of');
  const subdomain = subdomainExample(config.genuineSenderDomains, config.sender.address);
  const { retention } = config;
  return {
    phishing: {
      title: 'Phishing herkennen na dit datalek',
      intro: `Na een datalek sturen criminelen vaak berichten en bellen ze met de gelekte gegevens, terwijl ze zich voordoen als ${org}, een bank of de overheid. Op deze pagina lees je hoe ${org} wel en niet contact met je opneemt.`,
      domainsHeading: `Echte e-mail van ${org} komt alleen van deze domeinen, of van namen die daar na een punt op eindigen`,
      sections: [
        {
          heading: `Wat ${org} wel doet`,
          list: [
            `Je over deze check alleen mailen vanaf ${config.sender.address}${config.siteDomain ? `, met links alleen naar ${config.siteDomain}` : ''}.`,
            'Je pas een link naar je uitslag sturen nadat je daar zelf om hebt gevraagd op deze website.',
            'De link in de e-mail altijd ook als gewone tekst tonen, zodat je ziet waar hij heen gaat voordat je klikt.',
          ],
        },
        {
          heading: `Wat ${org} nooit doet`,
          list: [
            'Vragen om je wachtwoord, inlogcodes, pincode of verificatiecodes — niet per e-mail, sms, telefoon of chat.',
            'Vragen om je bankgegevens, om ‘kosten’ te betalen of om geld over te maken naar een ‘veilige rekening’.',
            'Vragen om een foto of kopie van je identiteitsbewijs.',
            'Vragen om een app of programma te installeren waarmee iemand op je scherm kan meekijken.',
            'Je gelekte gegevens zelf in een e-mail zetten.',
          ],
        },
        {
          heading: 'Iets verdachts ontvangen?',
          list: [
            `Klik niet op links en reageer niet. Kijk wat er achter de @ staat in het adres van de afzender: dat moet precies ${domains} zijn, of eindigen op ${endings}${subdomain ? ` (zoals ${subdomain})` : ''}. Staat er iets anders, zoals ${lookalikeDomain(config.genuineSenderDomains[0] ?? '', 'veilig-inloggen.com')}, dan komt de e-mail niet van ${org}.`,
            `Een beller die je naam, adres of klantnummer kent, is daarom nog niet van ${org}. Hang op en bel zelf ${support.phone}.`,
            'Stuur verdachte e-mails door naar valse-email@fraudehelpdesk.nl van de Fraudehelpdesk.',
            'Toch geklikt, gegevens ingevuld of betaald? Neem direct contact op met je bank, verander het wachtwoord dat je hebt ingevuld en doe aangifte bij de politie.',
          ],
        },
      ],
    },
    faq: {
      title: 'Veelgestelde vragen',
      intro: 'Antwoorden op de vragen die we het vaakst krijgen over deze check.',
      entries: [
        {
          id: 'is-this-email-real',
          question: 'Is deze e-mail echt van jullie?',
          answer: [
            `Echte e-mails over deze check komen van precies ${config.sender.address} (${config.sender.name})${config.siteDomain ? ` en linken alleen naar ${config.siteDomain}` : ''}. Andere e-mail van ${org} komt van adressen waarin na de @ precies ${domains} staat, of iets wat eindigt op ${endings}.`,
            'We mailen je alleen nadat je zelf een check hebt gedaan op deze website, en we vragen nooit om wachtwoorden, codes of bankgegevens. Twijfel je? Klik niet, ga zelf naar deze website en doe de check opnieuw.',
          ],
        },
        {
          id: 'why-not-earlier',
          question: 'Waarom hoor ik dit nu pas?',
          answer: [
            `${org} ontdekte het datalek op ${formatDate(config.discoveryDate, 'nl')}. Voordat klanten iets betrouwbaars te horen kunnen krijgen, moet eerst duidelijk zijn wat er is gebeurd en van wie gegevens zijn betrokken.`,
            'Op deze website kun je zelf, privé, nagaan of en welke gegevens van jou zijn betrokken.',
          ],
        },
        {
          id: 'unknown-company',
          question: 'Ik ken dit bedrijf niet. Waarom heeft het mijn gegevens?',
          answer: [
            `Vindt de check gegevens bij je adres, dan had ${org} die vanwege een klantrelatie, nu of vroeger. De uitslag toont alleen de soorten gegevens, niet de gegevens zelf.`,
            `Ben je volgens jou nooit klant geweest? Bel dan ${support.phone} (${support.hours}).`,
          ],
        },
        {
          id: 'link-expired',
          question: 'De link is verlopen of werkt niet. Hoe krijg ik een nieuwe?',
          answer: [
            `Een link werkt ${retention.tokenHours} uur en na het openen nog maar ${retention.resultWindowMinutes} minuten. Zo blijft je uitslag beschermd als iemand anders de e-mail in handen krijgt.`,
            'Doe de check gewoon opnieuw op de beginpagina: je krijgt een nieuwe e-mail met een nieuwe link.',
          ],
        },
        {
          id: 'why-not-on-screen',
          question: 'Waarom tonen jullie de uitslag niet op het scherm?',
          answer: [
            'Iedereen kan elk e-mailadres intypen. Als de website de uitslag zou tonen, kan een vreemde zien of jouw gegevens zijn gelekt.',
            'Daarom gaat het antwoord alleen naar de mailbox zelf. De pagina ziet er voor elk adres hetzelfde uit en antwoordt hetzelfde.',
          ],
        },
        {
          id: 'what-is-stored',
          question: 'Wat bewaren jullie over mij als ik de check gebruik?',
          answer: [
            'Niet je e-mailadres in leesbare vorm. De check vergelijkt een versleutelde vingerafdruk (keyed hash, niet terug te rekenen naar het adres) met vingerafdrukken van de adressen in het datalek.',
            `De link in je e-mail bewaren we alleen als hash; hij verloopt na ${retention.tokenHours} uur. We gebruiken geen cookies en geen analytics. Meer staat in de privacyverklaring.`,
          ],
        },
      ],
    },
    privacy: {
      title: 'Privacyverklaring',
      intro: `Deze verklaring gaat over deze checkwebsite. ${org} is ervoor verantwoordelijk.`,
      sections: [
        {
          heading: 'Wat deze website bewaart',
          list: [
            'Geen e-mailadressen, telefoonnummers of klantnummers in leesbare vorm: alleen keyed hashes ervan (HMAC met een geheime sleutel). Een hash is niet terug te rekenen naar het origineel, en zonder de geheime sleutel niet na te rekenen.',
            'Geen gegevens uit het datalek zelf: alleen, per keyed hash, welke soorten gegevens zijn betrokken.',
            `De link die we je mailen, bewaren we alleen als hash; hij verloopt na ${retention.tokenHours} uur en werkt na het openen nog ${retention.resultWindowMinutes} minuten.`,
            'Tellers die beperken hoe vaak een check kan worden gedaan, op basis van hashes, die vanzelf verlopen.',
          ],
        },
        {
          heading: 'Als je om hulp bij de check vraagt',
          list: [
            'Je naam, telefoonnummer of klantnummer, voorkeurstijd en bericht worden versleuteld bewaard en zijn alleen leesbaar voor medewerkers van de klantenservice.',
            `Ze worden binnen ${retention.assistRequestDays} dagen verwijderd.`,
          ],
        },
        {
          heading: 'Wat deze website niet doet',
          list: [
            'Geen cookies.',
            'Geen analytics, tracking of advertenties.',
            'Geen lettertypen, scripts of afbeeldingen van andere websites: je browser praat alleen met deze website.',
          ],
        },
        {
          heading: 'Toegang door medewerkers',
          paragraphs: [
            'Medewerkers van de klantenservice kunnen op verzoek een klant opzoeken, met een reden en een ticketnummer. Elke opzoeking wordt vastgelegd in een auditlog.',
          ],
        },
      ],
      contactHeading: 'Contact',
      contact: [
        `Vragen over je gegevens: bel ${support.phone} (${support.hours}) of kijk op ${support.url}.`,
        'Klachten over hoe met je persoonsgegevens wordt omgegaan, kun je ook indienen bij de Autoriteit Persoonsgegevens.',
      ],
    },
  };
}
