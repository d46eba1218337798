import { isRecord, postJson } from './api-client';
import { assistFieldError } from './assist-api-errors';
import { assistDraftErrors } from './assist-checks';
import { clearErrors, enableForm, type FieldError, formMessage, setBusy, showErrors } from './form-feedback';
import { applyClosingDate } from './portal-closing';
import { minutesFromSeconds } from './retry-after';

/*
 * The assisted-lookup form: a customer who cannot use the email route asks to be called back. POSTs
 * {name, phone?, customerNumber?, preferredTime, locale, message?} to /api/v1/assist-requests; 202 → thank-you state.
 * Format checks (phone, customer number) are the API's: it normalises exactly as the staff lookup will.
 */

export function startAssistForm(): void {
  if (applyClosingDate()) return;
  const form = document.querySelector<HTMLFormElement>('#assist-form');
  if (!form) return;
  enableForm(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitAssistRequest(form);
  });
}

function fieldValue(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value.trim() : '';
}

async function submitAssistRequest(form: HTMLFormElement): Promise<void> {
  const request = {
    name: fieldValue(form, 'name'),
    phone: fieldValue(form, 'phone') || undefined,
    customerNumber: fieldValue(form, 'customerNumber') || undefined,
    preferredTime: fieldValue(form, 'preferredTime'),
    locale: form.dataset.locale,
    message: fieldValue(form, 'message') || undefined,
  };
  const problems = assistDraftErrors(request, form.dataset.customerNumberPattern ?? '');
  if (problems.length > 0) {
    return showErrors(
      form,
      problems.map(({ field, messageKey }) => ({ field, message: formMessage(form, messageKey) })),
    );
  }

  clearErrors(form);
  setBusy(form, true);
  const outcome = await postJson(form.dataset.endpoint ?? '/api/v1/assist-requests', request);
  setBusy(form, false);
  if (outcome.kind === 'ok') return showThanks(form, referenceIn(outcome.body));
  if (outcome.kind === 'network') return showErrors(form, [{ message: formMessage(form, 'network') }]);
  if (outcome.status === 429) {
    const minutes = String(minutesFromSeconds(outcome.retryAfterSeconds));
    return showErrors(form, [{ message: formMessage(form, 'rate_limited').replace('{minutes}', minutes) }]);
  }
  if (outcome.status === 400) return showErrors(form, [fieldErrorFor(form, outcome.code, outcome.message)]);
  showErrors(form, [{ message: formMessage(form, 'unexpected') }]);
}

/** Maps an API 400 to its field and the form's own message for it. */
function fieldErrorFor(form: HTMLFormElement, code: string, message: string): FieldError {
  const known = assistFieldError(code, message);
  if (!known) return { message: formMessage(form, 'unexpected') };
  return { field: known.field, message: formMessage(form, known.messageKey) };
}

function referenceIn(body: unknown): string {
  return isRecord(body) && typeof body.reference === 'string' ? body.reference : '';
}

function showThanks(form: HTMLFormElement, reference: string): void {
  const block = form.closest<HTMLElement>('[data-closable]');
  if (block) block.hidden = true;
  const thanks = document.querySelector<HTMLElement>('[data-assist-thanks]');
  if (!thanks) return;
  const shown = thanks.querySelector<HTMLElement>('[data-assist-reference]');
  if (shown) shown.textContent = reference;
  if (shown?.parentElement) shown.parentElement.hidden = reference === '';
  thanks.hidden = false;
  thanks.querySelector<HTMLElement>('h2')?.focus();
}
