import { type ApiOutcome, postJson } from './api-client';
import { clearErrors, enableForm, type FieldError, formMessage, setBusy, showErrors } from './form-feedback';
import { showLocalBanner } from './local-banner';
import { applyClosingDate } from './portal-closing';
import { CLOCK_TIME_AFTER_SECONDS, clockTimeAfter, minutesFromSeconds } from './retry-after';

/*
 * The home page check form: POST {email, locale} to /api/v1/checks. Every valid address gets the same 202 (the API is
 * not a membership oracle), so the only next step is the "check sent" page; errors stay on the form.
 */
export function startCheckForm(): void {
  void showLocalBanner();
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
  if (outcome.status === 429) return { field: 'email', message: rateLimitedMessage(form, outcome.retryAfterSeconds) };
  if (outcome.status === 400) {
    const email = String(new FormData(form).get('email') ?? '');
    // The API refuses what SES cannot deliver (é, ü … before the @): say why, not "enter a valid address".
    const undeliverable = /[^\x20-\x7e]/.test(email.slice(0, email.lastIndexOf('@')));
    return { field: 'email', message: formMessage(form, undeliverable ? 'undeliverable_email' : 'invalid_email') };
  }
  return { message: formMessage(form, 'unexpected') };
}

/** A short wait (per-IP) in minutes; the per-address limit's long wait as a time of day, with the call-back route. */
function rateLimitedMessage(form: HTMLFormElement, retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined || retryAfterSeconds <= CLOCK_TIME_AFTER_SECONDS) {
    return formMessage(form, 'rate_limited').replace('{minutes}', String(minutesFromSeconds(retryAfterSeconds)));
  }
  const { time, tomorrow } = clockTimeAfter(retryAfterSeconds, form.dataset.locale ?? 'nl');
  return formMessage(form, 'rate_limited_until')
    .replace('{time}', time)
    .replace('{day}', tomorrow ? formMessage(form, 'rate_limited_tomorrow') : '');
}
