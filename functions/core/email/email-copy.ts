import type { Locale } from '../breach-config';
import type { EmailCopy } from './copy-parameters';
import { ENGLISH_EMAIL_COPY } from './email-copy-en';
import { DUTCH_EMAIL_COPY } from './email-copy-nl';

/*
 * The words of the two emails, per locale. Values come in as parameters (organisation, incident, addresses, support
 * contacts from the breach config) and are escaped by the renderer; the copy never names a value of the breach.
 * One subject for both mails: it says what the mail is, and a glance at an inbox must not tell whether someone
 * was affected. Dutch addresses the reader with "je", like the site and the staff console.
 */

export const EMAIL_COPY: Record<Locale, EmailCopy> = { nl: DUTCH_EMAIL_COPY, en: ENGLISH_EMAIL_COPY };
