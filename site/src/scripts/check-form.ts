import { type ApiOutcome, postJson } from './api-client';
import { clearErrors, enableForm, type FieldError, formMessage, setBusy, showErrors } from './form-feedback';
import { applyClosingDate } from './portal-closing';
import { CLOCK_TIME_AFTER_SECONDS, clockTimeAfter, minutesFromSeconds } from './retry-after';

/*
 * The home page check form: POST {email, locale} or, when the customer chose a text message, {phone, locale} to
 * /api/v1/checks. Every valid address or number gets the same 202 (the API is not a membership oracle), so the only
 * next step is the "check sent" page for that channel; errors stay on the form.
 */
export function startCheckForm(): void {
  if (applyClosingDate()) return;
  const form = document.querySelector<HTMLFormElement>('#check-form');
  if (!form) return;
  enableForm(form);
  startChannelChoice(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitCheck(form);
  });
}

type Channel = 'email' | 'sms';

/** The choice between email and text message (components/CheckChannel.astro), when the breach offers it. */
function channelOf(form: HTMLFormElement): Channel {
  return form.querySelector<HTMLInputElement>('input[name="channel"]:checked')?.value === 'sms' ? 'sms' : 'email';
}

function startChannelChoice(form: HTMLFormElement): void {
  const emailField = form.querySelector<HTMLInputElement>('#email')?.closest<HTMLElement>('.form-field');
  const phoneField = form.querySelector<HTMLElement>('[data-channel-field="sms"]');
  if (!emailField || !phoneField) return;
  const show = () => {
    const sms = channelOf(form) === 'sms';
    emailField.hidden = sms;
    phoneField.hidden = !sms;
    clearErrors(form);
  };
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="channel"]')) {
    radio.addEventListener('change', show);
  }
  show();
}

/** A message of the phone choice: on the channel block, else on the form. */
function channelMessage(form: HTMLFormElement, key: string): string {
  const channel = form.querySelector<HTMLElement>('[data-check-channel]');
  return channel?.getAttribute(`data-msg-${key.replaceAll('_', '-')}`) ?? formMessage(form, key);
}

async function submitCheck(form: HTMLFormElement): Promise<void> {
  const channel = channelOf(form);
  const field = channel === 'sms' ? 'phone' : 'email';
  const input = form.elements.namedItem(field) as HTMLInputElement;
  const value = input.value.trim();
  if (!value || !input.validity.valid) {
    const key = channel === 'sms' ? 'invalid_phone' : value ? 'invalid_email' : 'required';
    showErrors(form, [{ field, message: channelMessage(form, key) }]);
    return;
  }
  clearErrors(form);
  setBusy(form, true);
  const body = channel === 'sms' ? { phone: value } : { email: value };
  const outcome = await postJson(form.dataset.endpoint ?? '/api/v1/checks', { ...body, locale: form.dataset.locale });
  setBusy(form, false);
  if (outcome.kind === 'ok') {
    const next =
      channel === 'sms' ? form.querySelector<HTMLElement>('[data-check-channel]')?.dataset.nextSms : form.dataset.next;
    location.assign(next ?? '/');
    return;
  }
  showErrors(form, [checkError(form, field, outcome)]);
}

function checkError(
  form: HTMLFormElement,
  field: 'email' | 'phone',
  outcome: Exclude<ApiOutcome, { kind: 'ok' }>,
): FieldError {
  if (outcome.kind === 'network') return { message: formMessage(form, 'network') };
  if (outcome.code === 'sms_budget_exhausted') return { field, message: channelMessage(form, outcome.code) };
  if (outcome.status === 429) return { field, message: rateLimitedMessage(form, outcome.retryAfterSeconds) };
  if (outcome.status === 400 && field === 'phone') {
    return {
      field,
      message: channelMessage(form, outcome.code === 'phone_not_supported' ? outcome.code : 'invalid_phone'),
    };
  }
  if (outcome.status === 400) {
    const email = String(new FormData(form).get('email') ?? '');
    // The API refuses what SES cannot deliver (é, ü … before the @): say why, not "enter a valid address".
    const undeliverable = /[^\x20-\x7e]/.test(email.slice(0, email.lastIndexOf('@')));
    return { field, message: formMessage(form, undeliverable ? 'undeliverable_email' : 'invalid_email') };
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
