import type { Field } from '../../../functions/core/fields';
import type { ReportRouteId, SourceId } from './guidance-sources';

/*
 * Where to report and which sources back each field's guidance. The same in every locale (each source and route has
 * its localised name in guidance-sources.ts), so it is kept once here rather than in each language's text.
 */
export interface FieldReferences {
  reportTo: ReportRouteId[];
  sources: SourceId[];
}

export const FIELD_REFERENCES: Record<Field, FieldReferences> = {
  idDocumentNumber: {
    reportTo: ['cmi', 'police'],
    sources: [
      'rvigCmiDataBreach',
      'rvigCmiCopyIdForm',
      'gemeenteIdDocument',
      'bkrCreditSummary',
      'rijksoverheidIdentityFraud',
    ],
  },
  idDocumentValidity: {
    reportTo: ['fraudehelpdesk', 'cmi'],
    sources: ['rvigCmiDataBreach', 'gemeenteIdDocument', 'bkrCreditSummary', 'apDataBreachVictim'],
  },
  iban: {
    reportTo: ['bank', 'fraudehelpdesk', 'police'],
    sources: ['consumentenbondDirectDebit', 'politieBankHelpdeskFraud', 'apDataBreachVictim'],
  },
  phone: {
    reportTo: ['fraudehelpdesk', 'police'],
    sources: [
      'slachtofferwijzerSimSwap',
      'politieBankHelpdeskFraud',
      'fraudehelpdeskSuspiciousMail',
      'apDataBreachVictim',
    ],
  },
  email: {
    reportTo: ['fraudehelpdesk'],
    sources: ['apDataBreachVictim', 'fraudehelpdeskSuspiciousMail'],
  },
  dateOfBirth: {
    reportTo: ['cmi', 'police'],
    sources: ['rijksoverheidIdentityFraud', 'bkrCreditSummary', 'slachtofferwijzerSimSwap', 'apDataBreachVictim'],
  },
  address: {
    reportTo: ['cmi', 'police'],
    sources: ['rijksoverheidIdentityFraud', 'bkrCreditSummary', 'apDataBreachVictim'],
  },
  fullName: {
    reportTo: ['fraudehelpdesk'],
    sources: ['apDataBreachVictim', 'fraudehelpdeskSuspiciousMail'],
  },
  customerNumber: {
    reportTo: ['organisation', 'fraudehelpdesk'],
    sources: ['apDataBreachVictim', 'politieBankHelpdeskFraud'],
  },
};
