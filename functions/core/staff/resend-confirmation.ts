import type { Locale } from '../breach-config';
import { type RequestCheckDependencies, requestCheck } from '../check/request-check';
import { PortalError } from '../errors';
import { hashIdentifier } from '../identifier-hash';
import { normaliseEmail } from '../identifiers';
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
  const address = normaliseEmail(request.email);
  const subjectHash = hashIdentifier(await deps.pepper(), 'email', address);
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
    await requestCheck(deps, { email: address, locale: request.locale });
  } catch (error) {
    // The per-address limit (429) is a refusal worth seeing in the audit with the subject it concerned.
    const refused = error instanceof PortalError && error.status < 500;
    const detail = error instanceof PortalError ? error.code : 'internal_error';
    await call.record({ ...audited, outcome: refused ? 'refused' : 'error', detail });
    throw error;
  }
  await call.record({ ...audited, outcome: 'allowed', detail: 'confirmation_queued' });
}
