import { assistReference } from '../../../../functions/core/assist-reference';
import type { StaffConsoleMessages } from './staff-text';

/*
 * How the console writes times and audit records: in the Netherlands' time zone and the console's language (an agent
 * on a laptop set to en-US still reads 14:05 on 3 March, not 3/3/2026, 1:05:00 PM UTC), and the audit's machine words
 * (`list_assist_requests`, `from=…;to=…`) as words a supervisor reads. Pure: tested without a browser.
 */

export const CONSOLE_TIME_ZONE = 'Europe/Amsterdam';

export function formatConsoleTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: CONSOLE_TIME_ZONE,
  }).format(date);
}

type AuditWords = Pick<StaffConsoleMessages, 'actionNames' | 'outcomeNames' | 'detailKeys' | 'detailWords'>;

export function auditActionLabel(action: string, words: AuditWords): string {
  return words.actionNames[action] ?? action;
}

/** "allowed" + "from=2026-03-01T00:00:00.000Z;to=…" → "toegestaan — van: 1 mrt 2026 01:00, tot: …". */
export function auditOutcomeLabel(outcome: string, detail: string | undefined, words: AuditWords, lang: string) {
  const label = words.outcomeNames[outcome] ?? outcome;
  if (!detail) return label;
  const parts = detail.split(';').map((part) => {
    const [key, ...rest] = part.split('=');
    if (rest.length === 0)
      return part
        .split(':')
        .map((word) => words.detailWords[word] ?? word)
        .join(': ');
    const value = rest.join('=');
    return `${words.detailKeys[key ?? ''] ?? key}: ${detailValue(key ?? '', value, words, lang)}`;
  });
  return `${label} — ${parts.join(', ')}`;
}

function detailValue(key: string, value: string, words: AuditWords, lang: string): string {
  if (key === 'from' || key === 'to') return formatConsoleTime(value, lang);
  // The request id is random, but the reference is what agent and customer say to each other.
  if (key === 'id') return assistReference(value);
  return words.detailWords[value] ?? value;
}
