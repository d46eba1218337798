import { type ApiOutcome, postJson } from './api-client';
import { clearErrors, enableForm, type FieldError, formMessage, setBusy, showErrors } from './form-feedback';
import { applyClosingDate } from './portal-closing';
import { minutesFromSeconds } from './retry-after';

/*
 * The home page check form: POST {email, locale} to /api/v1/checks. Every valid address gets the same 202 (the API is
 * not a membership oracle), so the only next step is the "check sent" page; errors stay on the form.
 */
export function startCheckForm(): void {
  if (applyClosingDate()) return;
  const form = document.querySelector<HTMLFormElement>('#check-form');
  if (!form) return;
  enableForm(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitCheck(form);
  });
}

async function submitCheck(form: HTMLFormElement): Promise<void> {
  const input = form.elements.namedItem('email') as HTMLInputElement;
  const email = input.value.trim();
  if (!email || !input.validity.valid) {
    showErrors(form, [{ field: 'email', message: formMessage(form, email ? 'invalid_email' : 'required') }]);
    return;
  }
  clearErrors(form);
  setBusy(form, true);
  const outcome = await postJson(form.dataset.endpoint ?? '/api/v1/checks', { email, locale: form.dataset.locale });
  setBusy(form, false);
  if (outcome.kind === 'ok') {
    location.assign(form.dataset.next ?? '/');
    return;
  }
  showErrors(form, [checkError(form, outcome)]);
}

function checkError(form: HTMLFormElement, outcome: Exclude<ApiOutcome, { kind: 'ok' }>): FieldError {
  if (outcome.kind === 'network') return { message: formMessage(form, 'network') };
  if (outcome.status === 429) {
    const minutes = minutesFromSeconds(outcome.retryAfterSeconds);
    return { field: 'email', message: formMessage(form, 'rate_limited').replace('{minutes}', String(minutes)) };
  }
  if (outcome.status === 400) return { field: 'email', message: formMessage(form, 'invalid_email') };
  return { message: formMessage(form, 'unexpected') };
}
