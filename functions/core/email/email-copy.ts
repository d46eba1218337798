import type { Locale } from '../breach-config';

/*
 * The words of the two emails, per locale. Values come in as parameters (organisation, incident, links, support
 * contacts from the breach config) and are escaped by the renderer; the copy never names a value of the breach.
 * One neutral subject for both mails: a glance at an inbox must not tell whether someone was affected.
 */

export interface CopyParameters {
  organisation: string;
  incident: string;
  recordCount: number;
  tokenHours: number;
  resultWindowMinutes: number;
  senderDomains: string;
  supportPhone: string;
  supportHours: string;
}

export interface EmailCopy {
  subject: (p: CopyParameters) => string;
  greeting: string;
  affectedIntro: (p: CopyParameters) => string;
  affectedButton: string;
  affectedLinkNote: (p: CopyParameters) => string;
  notFoundIntro: (p: CopyParameters) => string;
  notFoundSupport: (p: CopyParameters) => string;
  notFoundAssist: string;
  notFoundMoreInfo: string;
  neverAsks: (p: CopyParameters) => string;
  genuineSenders: (p: CopyParameters) => string;
  notRequested: string;
  linkFallback: string;
}

export const EMAIL_COPY: Record<Locale, EmailCopy> = {
  nl: {
    subject: (p) => `Uw controle bij ${p.organisation}`,
    greeting: 'Beste klant,',
    affectedIntro: (p) =>
      `U heeft gevraagd of uw gegevens betrokken zijn bij het datalek „${p.incident}”. Uw e-mailadres komt voor in ${
        p.recordCount === 1 ? 'één klantrecord' : `${p.recordCount} klantrecords`
      } uit dit datalek. Op de beveiligde pagina ziet u welke gegevens het betreft en wat u het beste kunt doen.`,
    affectedButton: 'Bekijk welke gegevens',
    affectedLinkNote: (p) =>
      `De link werkt ${p.tokenHours} uur. Na het openen kunt u de uitslag ${p.resultWindowMinutes} minuten lang bekijken; daarna kunt u een nieuwe controle doen.`,
    notFoundIntro: (p) =>
      `U heeft gevraagd of uw gegevens betrokken zijn bij het datalek „${p.incident}”. Onder dit e-mailadres hebben we geen klantrecord gevonden.`,
    notFoundSupport: (p) =>
      `Dat betekent niet altijd dat u niet getroffen bent: als bij ons een oud of geen e-mailadres van u bekend is, kan onze klantenservice voor u zoeken op telefoonnummer of klantnummer. Bel ${p.supportPhone} (${p.supportHours}).`,
    notFoundAssist: 'Of vraag om teruggebeld te worden:',
    notFoundMoreInfo: 'Meer informatie over het datalek:',
    neverAsks: (p) =>
      `${p.organisation} vraagt u nooit per e-mail, sms of telefoon om uw wachtwoord, IBAN, pincode of verificatiecodes. Geef deze nooit door, ook niet als iemand zegt van ${p.organisation} te zijn.`,
    genuineSenders: (p) => `Onze e-mails komen alleen van: ${p.senderDomains}.`,
    notRequested: 'Heeft u deze controle niet zelf aangevraagd? Dan kunt u deze e-mail negeren.',
    linkFallback: 'Werkt de knop niet? Kopieer dan deze link in uw browser:',
  },
  en: {
    subject: (p) => `Your check with ${p.organisation}`,
    greeting: 'Dear customer,',
    affectedIntro: (p) =>
      `You asked whether your details were involved in the breach “${p.incident}”. Your email address appears in ${
        p.recordCount === 1 ? 'one customer record' : `${p.recordCount} customer records`
      } of this breach. The secure page shows which details are involved and what you can best do now.`,
    affectedButton: 'See which details',
    affectedLinkNote: (p) =>
      `The link works for ${p.tokenHours} hours. Once opened, the result stays readable for ${p.resultWindowMinutes} minutes; after that you can simply check again.`,
    notFoundIntro: (p) =>
      `You asked whether your details were involved in the breach “${p.incident}”. We found no customer record under this email address.`,
    notFoundSupport: (p) =>
      `That does not always mean you are unaffected: if we hold an old email address for you, or none, our support staff can look you up by phone number or customer number. Call ${p.supportPhone} (${p.supportHours}).`,
    notFoundAssist: 'Or ask us to call you back:',
    notFoundMoreInfo: 'More about the breach:',
    neverAsks: (p) =>
      `${p.organisation} never asks for your password, IBAN, PIN or verification codes by email, text message or phone. Never give them to anyone, even if they say they are from ${p.organisation}.`,
    genuineSenders: (p) => `Our emails only come from: ${p.senderDomains}.`,
    notRequested: 'Did you not ask for this check? Then you can ignore this email.',
    linkFallback: 'Button not working? Copy this link into your browser:',
  },
};
