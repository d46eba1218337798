import type { StaffApiOutcome } from './staff-api';
import type { StaffSession } from './staff-session';
import type { StaffConsoleMessages } from './staff-text';

/* What every console section shares: the messages, the session, and one way to turn a failed call into a sentence. */

export interface ConsoleContext {
  messages: StaffConsoleMessages;
  session: StaffSession;
  /** A 401 anywhere ends the session and shows the login again. */
  onSessionEnded: () => void;
}

export function describeFailure(context: ConsoleContext, outcome: Exclude<StaffApiOutcome<unknown>, { kind: 'ok' }>) {
  const { messages } = context;
  if (outcome.kind === 'network') return messages.networkError;
  if (outcome.status === 401) {
    context.onSessionEnded();
    return messages.sessionExpired;
  }
  if (outcome.status === 403) return messages.forbidden;
  if (outcome.status === 429) {
    const minutes = Math.max(1, Math.ceil((outcome.retryAfterSeconds ?? 60) / 60));
    return messages.rateLimited.replace('{minutes}', String(minutes));
  }
  if (outcome.status === 503) return messages.auditUnavailable;
  return messages.errors[outcome.code] ?? messages.unexpectedError;
}

/** Shows a message in a status region; errors also take focus so keyboard and screen-reader users land on them. */
export function showStatus(region: HTMLElement, text: string, kind: 'info' | 'error' = 'info'): void {
  region.textContent = text;
  region.hidden = text === '';
  region.classList.toggle('staff-error', kind === 'error');
  if (kind === 'error') region.focus();
}

export function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`staff console: #${id} is missing`);
  return found as T;
}

export function cell(text: string, tag: 'td' | 'th' = 'td'): HTMLTableCellElement {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

/** Disables a form's button while its call runs, so a double press does not look a caller up twice. */
export async function whileBusy<T>(form: HTMLFormElement, work: () => Promise<T>): Promise<T> {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    if (button) button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}
