import { InvalidInputError } from '../errors';
import type { AuditLog, AuditRecord, Clock } from '../ports';
import type { StaffCallAudit } from './audit-trail';
import { type AuditQueryRequest, MAX_AUDIT_RANGE_DAYS, MAX_AUDIT_ROWS } from './staff-requests';

/*
 * GET /api/v1/staff/audit (supervisors): who looked up what, when, why, for which ticket, with what outcome.
 * Bounded in time range and rows so the audit log itself cannot be dumped in one call. Reading it is audited too.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditRow {
  id: string;
  at: string;
  staffId: string;
  role: AuditRecord['role'];
  action: string;
  outcome: AuditRecord['outcome'];
  reason?: string;
  ticket?: string;
  subjectHash?: string;
  detail?: string;
}

export async function readAuditLog(
  deps: { audit: AuditLog; clock: Clock },
  call: StaffCallAudit,
  query: AuditQueryRequest,
): Promise<{ from: string; to: string; rows: AuditRow[]; truncated: boolean }> {
  const from = DATE_ONLY.test(query.from) ? Date.parse(`${query.from}T00:00:00.000Z`) : Date.parse(query.from);
  const to =
    query.to === undefined
      ? deps.clock.now()
      : DATE_ONLY.test(query.to)
        ? Date.parse(`${query.to}T23:59:59.999Z`)
        : Date.parse(query.to);
  if (to < from) throw new InvalidInputError('invalid_range', '"to" must not be before "from".');
  if (to - from > MAX_AUDIT_RANGE_DAYS * DAY_MS) {
    throw new InvalidInputError('range_too_long', `Ask for at most ${MAX_AUDIT_RANGE_DAYS} days at a time.`);
  }
  const limit = query.limit ?? 200;
  // One more than asked tells whether the range holds more rows than shown.
  const records = await deps.audit.list({
    from,
    to,
    limit: Math.min(limit + 1, MAX_AUDIT_ROWS + 1),
    ...(query.staff ? { staffId: query.staff } : {}),
  });
  const rows = records.slice(0, limit).map(toRow);
  await call.record({
    outcome: 'allowed',
    detail: `from=${new Date(from).toISOString()};to=${new Date(to).toISOString()}${query.staff ? `;staff=${query.staff}` : ''}`,
  });
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    rows,
    truncated: records.length > limit,
  };
}

function toRow(record: AuditRecord): AuditRow {
  const { expiresAtEpochSeconds: _expiry, at, ...rest } = record;
  return { ...rest, at: new Date(at).toISOString() };
}
