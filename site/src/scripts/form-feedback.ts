/*
 * Error display shared by the form islands, after the GOV.UK pattern: each message sits next to its field (tied with
 * aria-describedby, field marked aria-invalid) and in a summary at the top that takes focus and links to the field.
 * Messages come from data-msg-* attributes rendered per locale, so the script itself carries no text.
 */

export interface FieldError {
  /** The control's name attribute; undefined for errors that belong to no single field. */
  field?: string;
  message: string;
}

export function formMessage(form: HTMLFormElement, key: string): string {
  return form.getAttribute(`data-msg-${key.replaceAll('_', '-')}`) ?? '';
}

function summaryOf(form: HTMLFormElement): HTMLElement | null {
  return form.parentElement?.querySelector<HTMLElement>('[data-error-summary]') ?? null;
}

function controlsNamed(form: HTMLFormElement, name: string): HTMLElement[] {
  return [...form.querySelectorAll<HTMLElement>(`[name="${name}"]`)];
}

export function clearErrors(form: HTMLFormElement): void {
  for (const error of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
    error.hidden = true;
    error.textContent = '';
    for (const control of controlsNamed(form, error.dataset.errorFor ?? '')) {
      control.removeAttribute('aria-invalid');
      const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
      if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }
  const summary = summaryOf(form);
  if (summary) summary.hidden = true;
}

export function showErrors(form: HTMLFormElement, errors: FieldError[]): void {
  clearErrors(form);
  const summary = summaryOf(form);
  const list = summary?.querySelector('[data-error-list]');
  list?.replaceChildren();
  for (const { field, message } of errors) {
    const controls = field ? controlsNamed(form, field) : [];
    const errorElement = field ? form.querySelector<HTMLElement>(`[data-error-for="${field}"]`) : null;
    if (errorElement && controls.length > 0) {
      errorElement.textContent = message;
      errorElement.hidden = false;
      for (const control of controls) {
        control.setAttribute('aria-invalid', 'true');
        const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
        control.setAttribute('aria-describedby', [...ids, errorElement.id].join(' '));
      }
    }
    const item = document.createElement('li');
    const target = controls[0];
    if (target?.id) {
      const link = document.createElement('a');
      link.href = `#${target.id}`;
      link.textContent = message;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        target.focus();
      });
      item.append(link);
    } else {
      item.textContent = message;
    }
    list?.append(item);
  }
  if (summary) {
    summary.hidden = false;
    summary.focus();
  }
}

/** Disables the submit button while a request is under way, so a double click sends one request. */
export function setBusy(form: HTMLFormElement, busy: boolean): void {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = busy;
  form.setAttribute('aria-busy', String(busy));
  const status = form.querySelector<HTMLElement>('[data-form-status]');
  if (status) status.textContent = busy ? formMessage(form, 'sending') : '';
}

/** Forms render with their submit button disabled so nothing is sent without the island; this enables them. */
export function enableForm(form: HTMLFormElement): void {
  for (const button of form.querySelectorAll<HTMLButtonElement>('[data-needs-script]')) button.disabled = false;
}
