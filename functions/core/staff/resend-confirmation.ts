import type { Locale } from '../breach-config';
import { type RequestCheckDependencies, requestCheck } from '../check/request-check';
import { PortalError } from '../errors';
import { hashIdentifier } from '../identifier-hash';
import { normaliseEmail } from '../identifiers';
import { textableNumber } from '../sms/phone-eligibility';
import { requestPhoneCheck } from '../sms/request-phone-check';
import type { StaffCallAudit } from './audit-trail';
import { assertReasonAndTicket } from './staff-free-text';
import { countStaffLookup, StaffRateLimitedError } from './staff-rate-limit';
import type { StaffConfirmationRequest } from './staff-requests';

/*
 * POST /api/v1/staff/confirmations: the agent has the customer's address re-sent the very mail the website would
 * send (requestCheck), so the customer reads the result in their own mailbox and the agent learns nothing more.
 *
 * The website's per-IP limit would throttle a whole call centre behind one address, so it does not apply (no source
 * IP is passed); the per-staff hourly limit counted here takes its place. The per-address daily limit stays as it
 * is — staff cannot be used to mail-bomb someone.
 *
 * With `phone` instead (DESIGN §9) the customer on the line gets the website's text: the result link by SMS to the
 * number on record, so the agent never reads fields out. Same per-number limit and day budget as the website.
 */

export async function resendConfirmation(
  deps: RequestCheckDependencies,
  call: StaffCallAudit,
  request: StaffConfirmationRequest,
  consoleLanguage: Locale,
): Promise<void> {
  const staff = call.staff;
  if (!staff) throw new Error('resendConfirmation needs an identified staff call');
  assertReasonAndTicket(deps.config, request, consoleLanguage);
  const pepper = await deps.pepper();
  const subject =
    request.phone !== undefined
      ? ({
          type: 'phone',
          value: textableNumber(request.phone, deps.config.sms, deps.config.defaultPhoneRegion).e164,
        } as const)
      : ({ type: 'email', value: normaliseEmail(request.email ?? '') } as const);
  const subjectHash = hashIdentifier(pepper, subject.type, subject.value);
  const audited = { reason: request.reason, ticket: request.ticket, subjectHash };

  const limit = await countStaffLookup(
    deps.counters,
    staff.staffId,
    deps.config.limits.staffLookupsPerHour,
    deps.clock.now(),
  );
  if (!limit.allowed) {
    await call.record({ ...audited, outcome: 'refused', detail: 'rate_limited' });
    throw new StaffRateLimitedError(limit.retryAfterSeconds);
  }

  try {
    if (subject.type === 'phone') await requestPhoneCheck(deps, { phone: subject.value, locale: request.locale });
    else await requestCheck(deps, { email: subject.value, locale: request.locale });
  } catch (error) {
    // The per-address limit (429) is a refusal worth seeing in the audit with the subject it concerned.
    const refused = error instanceof PortalError && error.kind === 'refusal';
    const detail = error instanceof PortalError ? error.code : 'internal_error';
    await call.record({ ...audited, outcome: refused ? 'refused' : 'error', detail });
    throw error;
  }
  await call.record({
    ...audited,
    outcome: 'allowed',
    detail: subject.type === 'phone' ? 'sms_queued' : 'confirmation_queued',
  });
}
