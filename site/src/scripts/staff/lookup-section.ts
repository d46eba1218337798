import { type ConsoleContext, describeFailure, element, showStatus, whileBusy } from './console-feedback';
import { callStaffApi } from './staff-api';

/* The look-up and re-send forms: one subject per call, a reason from the configured list and a ticket always sent. */

interface LookupAnswer {
  found: boolean;
  exposed: string[];
  records: number;
  guidance: Record<string, string>;
}

export function startLookupSection(context: ConsoleContext, fieldNames: Record<string, string>): void {
  const form = element<HTMLFormElement>('lookup-form');
  const result = element('lookup-result');
  const status = element('lookup-status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const type = String(data.get('type'));
    const body = {
      type,
      value: String(data.get('value') ?? ''),
      reason: String(data.get('reason') ?? ''),
      ticket: String(data.get('ticket') ?? ''),
      locale: document.documentElement.lang === 'en' ? 'en' : 'nl',
    };
    result.replaceChildren();
    showStatus(status, context.messages.working);
    const outcome = await whileBusy(form, () =>
      callStaffApi<LookupAnswer>(context.session.token, 'POST', '/api/v1/staff/lookups', body),
    );
    if (outcome.kind !== 'ok') {
      showStatus(status, describeFailure(context, outcome), 'error');
      return;
    }
    showStatus(status, '');
    renderAnswer(
      context,
      result,
      outcome.body,
      fieldNames,
      form.querySelector<HTMLSelectElement>('#lookup-type')?.selectedOptions[0]?.text,
    );
    result.focus();
  });

  const confirmForm = element<HTMLFormElement>('confirm-form');
  const confirmStatus = element('confirm-status');
  confirmForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(confirmForm);
    showStatus(confirmStatus, context.messages.working);
    const outcome = await whileBusy(confirmForm, () =>
      callStaffApi(context.session.token, 'POST', '/api/v1/staff/confirmations', {
        email: String(data.get('email') ?? ''),
        reason: String(data.get('reason') ?? ''),
        ticket: String(data.get('ticket') ?? ''),
        locale: document.documentElement.lang === 'en' ? 'en' : 'nl',
      }),
    );
    if (outcome.kind === 'ok') showStatus(confirmStatus, context.messages.confirmationQueued);
    else showStatus(confirmStatus, describeFailure(context, outcome), 'error');
  });
}

function renderAnswer(
  context: ConsoleContext,
  container: HTMLElement,
  answer: LookupAnswer,
  fieldNames: Record<string, string>,
  typeLabel = '',
): void {
  const { messages } = context;
  const heading = document.createElement('p');
  heading.className = 'staff-answer';
  if (!answer.found) {
    heading.textContent = messages.notFound.replace('{type}', typeLabel.toLowerCase());
    const advice = document.createElement('p');
    advice.textContent = messages.notFoundAdvice;
    container.replaceChildren(heading, advice);
    return;
  }
  heading.textContent =
    answer.records === 1 ? messages.foundOne : messages.found.replace('{records}', String(answer.records));
  const list = document.createElement('ul');
  list.className = 'staff-exposed';
  list.setAttribute('data-testid', 'exposed-fields');
  for (const field of answer.exposed) {
    const item = document.createElement('li');
    item.dataset.field = field;
    const link = document.createElement('a');
    link.href = answer.guidance[field] ?? '#';
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = fieldNames[field] ?? field;
    item.append(link);
    list.append(item);
  }
  const readOut = document.createElement('p');
  readOut.textContent = messages.readOut;
  const noValues = document.createElement('p');
  noValues.className = 'hint';
  noValues.textContent = messages.noValues;
  container.replaceChildren(heading, readOut, list, noValues);
}
