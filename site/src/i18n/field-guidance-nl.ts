import type { GuidanceContext, LocalisedGuidanceByField } from './field-guidance';

export function dutchFieldGuidance({ organisation, supportPhone }: GuidanceContext): LocalisedGuidanceByField {
  const bkrStep =
    'Controleer je registratie bij BKR op leningen of kredieten die je niet zelf hebt afgesloten. Online inzien is gratis; je identificeert je via je bank met iDIN.';
  const kopieIdStep =
    'Stuur nooit een foto of kopie van je identiteitsbewijs als reactie op een bericht of telefoontje. Heeft een organisatie echt een kopie nodig? Gebruik dan de KopieID-app van de overheid om door te strepen wat ze niet nodig hebben.';
  return {
    idDocumentNumber: {
      title: 'Het nummer van je identiteitsbewijs is buitgemaakt',
      riskSummary: 'Samen met je naam en geboortedatum kan het worden misbruikt voor identiteitsfraude.',
      whyItMatters: [
        'Het soort document en het nummer noteren is vaak hoe een organisatie controleert wie je bent, in plaats van een kopie te bewaren. Met je naam, geboortedatum en documentnummer kan iemand zich overtuigender als jou voordoen.',
        'Je document blijft gewoon geldig: een identiteitsbewijs verliest pas zijn geldigheid als het als vermist of gestolen is gemeld. Weet je dat er ook een kopie (foto of scan) van je document is gelekt? Dan raadt het CMI aan om uit voorzorg een nieuw document aan te vragen bij je gemeente.',
      ],
      criminalUses: [
        'Identiteitsfraude: op jouw naam abonnementen, bestellingen of leningen afsluiten.',
        'Phishing die je documentnummer noemt om echt te lijken, of die vraagt je identiteitsbewijs te ‘verifiëren’.',
      ],
      steps: [
        'Let op post, bankafschriften en e-mail over abonnementen, bestellingen of incassobrieven die je niet herkent.',
        bkrStep,
        kopieIdStep,
        'Merk je misbruik? Verzamel bewijs (brieven, afschriften), meld het bij het CMI en doe aangifte bij de politie.',
      ],
      estimatedTime: 'Nu ongeveer 15 minuten; daarna elke maand even je post en afschriften nakijken.',
    },
    idDocumentValidity: {
      title: 'De geldigheidsdatum van je identiteitsbewijs is buitgemaakt',
      riskSummary:
        'Maakt nepberichten over het ‘verlengen’ van je identiteitsbewijs geloofwaardiger en helpt bij identiteitsfraude.',
      whyItMatters: [
        'Een geldigheidsdatum zegt op zich weinig. Samen met je naam, documentnummer en geboortedatum helpt het iemand door identiteitscontroles te komen, en criminelen kunnen er een nepbericht mee timen dat je document bijna verloopt.',
      ],
      criminalUses: [
        'Phishing die vraagt je identiteitsbewijs via een link te ‘verlengen’ of te ‘verifiëren’, of er een foto van te sturen.',
        'Identiteitsfraude, samen met je andere gegevens.',
      ],
      steps: [
        'Vraag een nieuw identiteitsbewijs alleen aan via je eigen gemeente, nooit via een link in een e-mail of sms.',
        kopieIdStep,
        bkrStep,
      ],
      estimatedTime: 'Ongeveer 10 minuten.',
    },
    iban: {
      title: 'Je IBAN (rekeningnummer) is buitgemaakt',
      riskSummary:
        'Kan worden gebruikt voor incasso’s waarvoor je nooit toestemming gaf en voor echt lijkende nepfacturen.',
      whyItMatters: [
        'Met je naam en IBAN kan iemand zonder jouw toestemming geld van je rekening laten afschrijven met een incasso, of een nepfactuur sturen of een ‘beveiligingsgesprek’ voeren waarin je rekeningnummer wordt genoemd om echt te lijken.',
      ],
      criminalUses: [
        'Incassofraude: geld afschrijven waarvoor je nooit toestemming gaf.',
        'Nepfacturen en betaalverzoeken.',
        'Bankhelpdeskfraude: iemand belt namens ‘je bank’, noemt je gegevens en vraagt om codes of om geld over te maken naar een ‘veilige rekening’.',
      ],
      steps: [
        'Kijk je bankafschriften regelmatig na op incasso’s die je niet herkent.',
        'Een incasso kun je binnen 8 weken zonder opgaaf van reden terugboeken (storneren), in je bankapp of via je bank.',
        'Een incasso waarvoor je nooit toestemming gaf, kan je bank tot 13 maanden na de afschrijving terugboeken (Melding Onterechte Incasso). Kijk op de site van je eigen bank hoe je dat aanvraagt.',
        'Belt ‘je bank’ en wordt er gevraagd om codes, je pas of een overboeking? Hang op en bel je bank op het nummer dat je kent.',
      ],
      estimatedTime: 'Een paar minuten per keer afschriften nakijken; terugboeken kost een paar minuten in je bankapp.',
    },
    phone: {
      title: 'Je telefoonnummer is buitgemaakt',
      riskSummary: 'Verwacht smishing, gespoofte telefoontjes en pogingen om je nummer over te nemen (simswap).',
      whyItMatters: [
        'Je mobiele nummer is gekoppeld aan je bank, je chatapps en de codes waarmee je inlogt. Criminelen gebruiken gelekte nummers voor sms’jes en telefoontjes die van een vertrouwde organisatie lijken te komen, en soms om je nummer over te zetten naar hun eigen simkaart.',
      ],
      criminalUses: [
        'Smishing: sms- of WhatsApp-berichten met een link naar een nepwebsite.',
        'Spoofing: op je scherm staat het echte nummer van een bank of bedrijf, maar de beller is een crimineel.',
        'Simswap: met je persoonsgegevens vraagt een crimineel je provider om je nummer over te zetten naar een nieuwe simkaart, en ontvangt daarna jouw codes.',
      ],
      steps: [
        'Tik niet op links in onverwachte sms- of WhatsApp-berichten; ga zelf naar de website of app.',
        'Vraagt een beller om codes, je bankpas, toegang tot je computer of een overboeking? Hang op en bel de organisatie op een nummer dat je kent.',
        'Vraag je mobiele provider welke extra controles mogelijk zijn voordat je simkaart vervangen of je nummer overgezet kan worden.',
      ],
      estimatedTime: 'Ongeveer 10 minuten, inclusief een telefoontje naar je provider.',
    },
    email: {
      title: 'Je e-mailadres is buitgemaakt',
      riskSummary: 'Verwacht phishingmails die je naam en andere gelekte gegevens gebruiken.',
      whyItMatters: [
        'Criminelen combineren gelekte e-mailadressen met de andere gelekte gegevens om persoonlijke e-mails te schrijven. Hoe meer ze van je weten, hoe echter een bericht lijkt.',
      ],
      criminalUses: [
        'Phishing: nepfacturen, ‘beveiligingswaarschuwingen’ of terugbetalingen met een link naar een nepwebsite.',
        'Proberen in te loggen op je accounts, vooral als je overal hetzelfde wachtwoord gebruikt.',
      ],
      steps: [
        `Kijk wat er achter de @ staat in het adres van de afzender. Op onze pagina over phishing staan de enige domeinen waarvandaan ${organisation} mailt.`,
        'Klik niet op links in onverwachte e-mails; ga zelf naar de website.',
        'Gebruik voor elk account een ander wachtwoord en verander wachtwoorden die je op meer plekken gebruikt. Zet tweestapsverificatie aan waar dat kan.',
        'Stuur verdachte e-mails door naar valse-email@fraudehelpdesk.nl.',
      ],
      estimatedTime: 'Ongeveer 15 minuten om je wachtwoorden na te lopen.',
    },
    dateOfBirth: {
      title: 'Je geboortedatum is buitgemaakt',
      riskSummary:
        'Wordt vaak gebruikt om te controleren wie je bent, en helpt criminelen dus door controlevragen heen.',
      whyItMatters: [
        'Veel organisaties vragen je geboortedatum om te controleren wie je bent, bijvoorbeeld aan de telefoon. Je kunt hem niet veranderen, dus hij blijft lang bruikbaar voor criminelen, vooral samen met je naam en adres.',
      ],
      criminalUses: [
        'Door identiteitscontroles aan de telefoon komen, bijvoorbeeld om een account of je telefoonnummer over te nemen.',
        'Identiteitsfraude samen met je naam en adres.',
        'Phishing geloofwaardiger maken.',
      ],
      steps: [
        'Onthoud: een beller die je geboortedatum kent, is daarom nog niet wie hij zegt te zijn.',
        bkrStep,
        'Let op post over bestellingen, abonnementen of incassobrieven die je niet herkent. Betaal niet, neem contact op met het bedrijf en meld misbruik bij het CMI.',
      ],
      estimatedTime: 'Ongeveer 15 minuten.',
    },
    address: {
      title: 'Je adres is buitgemaakt',
      riskSummary: 'Maakt nepbrieven en nepfacturen geloofwaardiger en helpt bij identiteitsfraude.',
      whyItMatters: [
        'Met je adres kunnen criminelen nepbrieven of nepfacturen per post sturen, controlevragen beantwoorden alsof ze jou zijn, of samen met je andere gegevens op jouw naam iets bestellen.',
      ],
      criminalUses: [
        'Nepbrieven en nepfacturen per post.',
        'Op jouw naam spullen of abonnementen bestellen.',
        'De controlevragen beantwoorden die organisaties aan de telefoon stellen.',
      ],
      steps: [
        'Twijfel je over een brief of factuur? Neem contact op met de afzender via gegevens die je zelf opzoekt, niet via die in de brief.',
        'Betaal niet voor bestellingen of incassobrieven die je niet herkent; laat het bedrijf weten dat het niet van jou is en bewaar de brieven als bewijs.',
        bkrStep,
      ],
      estimatedTime: 'Ongeveer 10 minuten.',
    },
    fullName: {
      title: 'Je naam is buitgemaakt',
      riskSummary: 'Maakt phishing persoonlijker en geloofwaardiger.',
      whyItMatters: [
        'Je naam is niet geheim, maar samen met de andere gelekte gegevens voelt een e-mail, sms of telefoontje persoonlijk. Dat je met je naam wordt aangesproken, bewijst niet dat een bericht echt is.',
      ],
      criminalUses: [
        'Persoonlijke phishingmails, sms’jes en telefoontjes.',
        'Identiteitsfraude samen met je andere gegevens.',
      ],
      steps: [
        'Beoordeel een bericht op de afzender en de links, niet op of je naam erin staat.',
        'Twijfel je? Neem zelf contact op met de organisatie via de eigen website of een nummer dat je kent.',
      ],
      estimatedTime: 'Een paar minuten.',
    },
    customerNumber: {
      title: 'Je klantnummer is buitgemaakt',
      riskSummary: `Criminelen kunnen het noemen om zich voor te doen als ${organisation}.`,
      whyItMatters: [
        `Met je klantnummer ben je bekend bij ${organisation}. Een beller of e-mail die het noemt, lijkt echt, maar criminelen kunnen het nu ook kennen.`,
      ],
      criminalUses: [
        `Zich voordoen als de klantenservice van ${organisation}.`,
        'Proberen je account of abonnement telefonisch te wijzigen.',
      ],
      steps: [
        `Een beller die je klantnummer kent, is daarom nog niet van ${organisation}. Twijfel je? Hang op en bel ${organisation} zelf op ${supportPhone}.`,
        `${organisation} vraagt nooit om je wachtwoord, inlogcodes of bankgegevens.`,
      ],
      estimatedTime: 'Een paar minuten.',
    },
  };
}
