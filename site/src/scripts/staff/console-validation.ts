/*
 * The console's forms check themselves in the console's language: with the browser's own validation the agent got an
 * English bubble on a Dutch console (or the reverse), which screen readers also announce poorly. One listener in
 * the capture phase runs before any section's submit handler and stops an incomplete form there.
 */

export interface ValidationMessages {
  required: string;
  invalid: string;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function validateConsoleForms(scope: HTMLElement, messages: ValidationMessages): void {
  for (const form of scope.querySelectorAll('form')) form.noValidate = true;
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !scope.contains(form)) return;
      const controls = [...form.querySelectorAll<Control>('input, select, textarea')];
      const invalid = controls.filter((control) => !showControlError(control, messages));
      if (invalid.length === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      invalid[0]?.focus();
    },
    true,
  );
}

/** Marks one control valid or not, with its message right above it; true when valid. */
function showControlError(control: Control, messages: ValidationMessages): boolean {
  const valid = control.checkValidity();
  const errorId = `${control.id}-error`;
  let error = document.getElementById(errorId);
  if (valid) {
    control.removeAttribute('aria-invalid');
    if (error) error.hidden = true;
    return true;
  }
  if (!error) {
    error = document.createElement('p');
    error.id = errorId;
    error.className = 'field-error';
    control.before(error);
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described ? `${errorId} ${described}` : errorId);
  }
  error.textContent = control.validity.valueMissing ? messages.required : messages.invalid;
  error.hidden = false;
  control.setAttribute('aria-invalid', 'true');
  return false;
}
