import type { Locale } from '../../../../functions/core/breach-config';
import { englishStaffText } from './staff-text-en';
import { dutchStaffText } from './staff-text-nl';

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
  /** Labels of the reason ids in config.staff.reasons (form and audit log); an id without one is shown as it is. */
  reasons: Record<string, string>;
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
    language: string;
    assignee: string;
  };
  save: string;
  auditEmpty: string;
  auditTruncated: string;
  chartTitle: string;
  chartDescription: string;
  metricNames: Record<'checks' | 'hits' | 'misses' | 'redeemed' | 'assist_requests' | 'staff_lookups', string>;
  /** `found` with exactly one record: no "record(s)". */
  foundOne: string;
  /** A required field left empty (the console's own message, not the browser's bubble in the browser's language). */
  required: string;
  chartAxisCount: string;
  chartAxisDay: string;
  languageNames: Record<string, string>;
  claim: { take: string; release: string; mine: string; free: string; reference: string };
  /** Audit log: the API's action, outcome and detail words, readable. */
  actionNames: Record<string, string>;
  outcomeNames: Record<string, string>;
  detailKeys: Record<string, string>;
  detailWords: Record<string, string>;
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
    /** The empty first option of the reason list. */
    reasonChoose: string;
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

export function staffConsoleText(locale: Locale): StaffConsoleText {
  return locale === 'nl' ? dutchStaffText : englishStaffText;
}
