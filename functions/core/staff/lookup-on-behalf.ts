import type { BreachConfig, Locale } from '../breach-config';
import { countDailyMetric } from '../check/daily-metrics';
import { chooseLocale } from '../check/request-check';
import { guidancePath } from '../check/result-token';
import { type Field, sortFieldsByRisk } from '../fields';
import { hashIdentifier, type Pepper } from '../identifier-hash';
import { normaliseIdentifier } from '../identifiers';
import type { Clock, CounterStore, ExposureStore } from '../ports';
import type { StaffCallAudit } from './audit-trail';
import { assertReasonAndTicket } from './staff-free-text';
import { countStaffLookup, StaffRateLimitedError } from './staff-rate-limit';
import type { StaffLookupRequest } from './staff-requests';

/*
 * POST /api/v1/staff/lookups: an agent looks a caller up by email, phone or customer number. The answer holds
 * field names only (the system has no values to give) and exactly one subject: there is no list or export. The
 * per-staff limit is counted first, and both the refusal and the answer are audited before they leave.
 */

export interface StaffLookupDependencies {
  config: BreachConfig;
  pepper: () => Promise<Pepper>;
  exposures: ExposureStore;
  counters: CounterStore;
  clock: Clock;
}

export interface StaffLookupAnswer {
  found: boolean;
  /** Union of the exposed fields of every matching record, highest risk first. */
  exposed: Field[];
  /** How many breach records matched (one customer can have several). */
  records: number;
  /** Field → site path of the guidance page the agent can read out or send. */
  guidance: Partial<Record<Field, string>>;
  locale: Locale;
}

export async function lookUpOnBehalf(
  deps: StaffLookupDependencies,
  call: StaffCallAudit,
  request: StaffLookupRequest,
  consoleLanguage: Locale,
): Promise<StaffLookupAnswer> {
  const staff = call.staff;
  if (!staff) throw new Error('lookUpOnBehalf needs an identified staff call');
  const { config, clock } = deps;
  assertReasonAndTicket(config, request, consoleLanguage);
  // An invalid value throws a 400 here; the middleware audits it as refused (there is no subject to hash).
  const normalised = normaliseIdentifier(request.type, request.value, {
    customerNumberPattern: config.customerNumberPattern,
    defaultPhoneRegion: config.defaultPhoneRegion,
  });
  const subjectHash = hashIdentifier(await deps.pepper(), request.type, normalised);
  const audited = { reason: request.reason, ticket: request.ticket, subjectHash };

  const now = clock.now();
  const limit = await countStaffLookup(deps.counters, staff.staffId, config.limits.staffLookupsPerHour, now);
  if (!limit.allowed) {
    await call.record({ ...audited, outcome: 'refused', detail: 'rate_limited' });
    throw new StaffRateLimitedError(limit.retryAfterSeconds);
  }

  const records = (await deps.exposures.findByIdentifier(subjectHash)).filter(
    (record) => record.breachId === config.id,
  );
  const exposed = sortFieldsByRisk(records.flatMap((record) => record.fields));
  const locale = chooseLocale(config, request.locale);
  await countDailyMetric(deps.counters, 'staff_lookups', now);

  await call.record({
    ...audited,
    outcome: 'allowed',
    detail: `${request.type}:${records.length > 0 ? 'found' : 'not_found'}`,
  });
  return {
    found: records.length > 0,
    exposed,
    records: records.length,
    guidance: Object.fromEntries(exposed.map((field) => [field, guidancePath(locale, field)])),
    locale,
  };
}
