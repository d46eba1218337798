import { type ConsoleContext, describeFailure, showStatus, whileBusy } from './console-feedback';
import { callStaffApi } from './staff-api';

/* "Send the result by SMS" (pages/staff/_sms-section.astro): absent when the breach has no phone route. */

export function startSmsSection(context: ConsoleContext): void {
  const form = document.getElementById('sms-form') as HTMLFormElement | null;
  const status = document.getElementById('sms-status');
  if (!form || !status) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    showStatus(status, context.messages.working);
    const outcome = await whileBusy(form, () =>
      callStaffApi(context.session.token, 'POST', '/api/v1/staff/confirmations', {
        phone: String(data.get('phone') ?? ''),
        reason: String(data.get('reason') ?? ''),
        ticket: String(data.get('ticket') ?? ''),
        locale: document.documentElement.lang === 'en' ? 'en' : 'nl',
      }),
    );
    if (outcome.kind === 'ok') return showStatus(status, form.dataset.msgQueued ?? '');
    const own =
      outcome.kind === 'error' && ['phone_not_supported', 'sms_budget_exhausted'].includes(outcome.code)
        ? form.getAttribute(`data-msg-${outcome.code.replaceAll('_', '-')}`)
        : null;
    showStatus(status, own ?? describeFailure(context, outcome), 'error');
  });
}
