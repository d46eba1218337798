import { isRecord, postJson } from './api-client';
import { type ResultState, stateForError, tokenFromFragment } from './result-fragment';
import { forgetResult, keepResult, keptResult } from './result-store';

/*
 * The result page island. The token arrives in the URL fragment (`#t=…`), which browsers never send to a server, so
 * it stays out of logs, CDNs and Referer headers; it is removed from the address bar at once so it does not linger
 * in history or get shared by copy-paste, and redeemed with a POST so a mail scanner prefetching the link cannot
 * burn it. All text is in the page; this script only chooses which state to show.
 */

export function startResultPage(): void {
  const root = document.getElementById('result');
  if (!root) return;
  const endpoint = root.dataset.endpoint ?? '/api/v1/results';
  let token = takeTokenFromFragment();
  root.querySelector('[data-print]')?.addEventListener('click', () => window.print());
  root.querySelector('[data-retry]')?.addEventListener('click', () => {
    if (token) void redeem(root, endpoint, token);
  });
  // A second result link opened in the same tab only changes the fragment: no page load, so redeem it here.
  window.addEventListener('hashchange', () => {
    const next = takeTokenFromFragment();
    if (next) {
      token = next;
      carryTokenToOtherLanguage(next);
      void redeem(root, endpoint, next);
    }
  });
  if (token) {
    carryTokenToOtherLanguage(token);
    void redeem(root, endpoint, token);
    return;
  }
  // Back from a guidance page, or switched language: the result redeemed earlier in this tab, while its window lasts.
  showKeptResult(root);
}

function showKeptResult(root: HTMLElement): void {
  const kept = keptResult();
  if (!kept) showState(root, 'no_token');
  else if (kept.exposed.length === 0) showState(root, 'nothing', false);
  else {
    renderExposed(root, kept.exposed, kept.recordCount);
    showState(root, 'exposed', false);
  }
}

/* Switching language keeps the result: the other locale's result page gets the token in its fragment again (within
   the read window the API answers the same result; the fragment never reaches a server). */
function carryTokenToOtherLanguage(token: string): void {
  const link = document.querySelector<HTMLAnchorElement>('a.language-switch');
  if (link) link.href = `${link.href.split('#')[0]}#t=${encodeURIComponent(token)}`;
}

/** Reads `t` from the fragment and clears the fragment from the address bar and history entry. */
export function takeTokenFromFragment(): string | undefined {
  const token = tokenFromFragment(location.hash);
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

async function redeem(root: HTMLElement, endpoint: string, token: string): Promise<void> {
  showState(root, 'loading', false);
  const outcome = await postJson(endpoint, { token });
  if (outcome.kind === 'network') return showState(root, 'network');
  if (outcome.kind === 'error') {
    forgetResult();
    return showState(root, stateForError(outcome.status, outcome.code));
  }
  const body = isRecord(outcome.body) ? outcome.body : {};
  const exposed = Array.isArray(body.exposed) ? body.exposed.filter((field) => typeof field === 'string') : [];
  const readableSeconds = typeof body.readableSeconds === 'number' ? body.readableSeconds : 0;
  keepResult({ exposed, recordCount: matchedRecordCount(body) }, readableSeconds);
  if (exposed.length === 0) return showState(root, 'nothing');
  renderExposed(root, exposed, matchedRecordCount(body));
  showState(root, 'exposed');
}

function renderExposed(root: HTMLElement, exposed: string[], matchedRecords: number | undefined): void {
  fillFromTemplate(root.querySelector('[data-exposed-list]'), '#field-items', exposed);
  // "Do these first": the first step for each of the three riskiest fields this customer has exposed.
  fillFromTemplate(root.querySelector('[data-first-steps]'), '#first-steps', exposed.slice(0, FIRST_STEPS));
  const count = root.querySelector<HTMLElement>('[data-matched-records]');
  if (count && matchedRecords !== undefined && matchedRecords > 0) {
    const template = (matchedRecords === 1 ? count.dataset.one : count.dataset.many) ?? '';
    count.textContent = template.replace('{count}', String(matchedRecords));
    count.hidden = false;
  }
}

const FIRST_STEPS = 3;

/** Risk order as the API returns it: a template holds one item per field, in no particular order. */
function fillFromTemplate(list: Element | null, templateId: string, fields: string[]): void {
  const items = document.querySelector<HTMLTemplateElement>(templateId)?.content;
  if (!list || !items) return;
  const chosen = fields
    .map((field) => items.querySelector(`[data-field="${CSS.escape(field)}"]`)?.cloneNode(true))
    .filter((node): node is Node => node !== undefined);
  list.replaceChildren(...chosen);
}

/** `recordCount`: how many breach records share the address (the result is their union). */
function matchedRecordCount(body: Record<string, unknown>): number | undefined {
  const value = body.recordCount;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function showState(root: HTMLElement, state: ResultState, moveFocus = true): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-state]')) {
    element.hidden = element.dataset.state !== state;
  }
  root.setAttribute('aria-busy', String(state === 'loading'));
  if (moveFocus) root.querySelector<HTMLElement>(`[data-state="${state}"] h2`)?.focus();
}
