import type { BreachConfig, Locale } from '../breach-config';
import type {
  AssistRequestRecord,
  AssistRequestStatus,
  AssistRequestStore,
  Clock,
  CounterStore,
  SecretBox,
} from '../ports';
import type { StaffCallAudit } from './audit-trail';
import { AssistRequestClaimedError, AssistRequestNotFoundError } from './staff-errors';
import { assertNoIdentifierIn } from './staff-free-text';
import { countStaffLookup, StaffRateLimitedError } from './staff-rate-limit';
import type { AssistRequestUpdate } from './staff-requests';

/*
 * The queue of customers who asked to be called back (POST /api/v1/assist-requests). Their callback details are new
 * personal data, sealed with the SecretBox (KMS deployed) at rest: they are opened here, for staff, and nowhere else.
 * Nothing in this file logs; the opened details go only into the response.
 */

/** What the customer typed (name, phone or customer number, preferred time, message): strings only. */
export type CallbackDetails = Record<string, string>;

export interface AssistQueueItem {
  id: string;
  createdAt: string;
  status: AssistRequestStatus;
  locale: string;
  details: CallbackDetails;
  note?: string;
  updatedAt?: string;
  updatedBy?: string;
  assignee?: string;
}

export interface AssistQueueDependencies {
  config: BreachConfig;
  assistRequests: AssistRequestStore;
  secretBox: SecretBox;
  counters: CounterStore;
  clock: Clock;
}

export async function listAssistQueue(
  deps: AssistQueueDependencies,
  call: StaffCallAudit,
  query: { status: AssistRequestStatus; limit: number },
): Promise<AssistQueueItem[]> {
  const staff = call.staff;
  if (!staff) throw new Error('listAssistQueue needs an identified staff call');
  // Every page opens up to MAX_ASSIST_PAGE_SIZE names and numbers: an agent reading in bulk is stopped and audited.
  const limit = await countStaffLookup(
    deps.counters,
    staff.staffId,
    deps.config.limits.assistQueueReadsPerHour,
    deps.clock.now(),
    'queue',
  );
  if (!limit.allowed) {
    await call.record({ outcome: 'refused', detail: 'rate_limited' });
    throw new StaffRateLimitedError(limit.retryAfterSeconds, 'call-back queue reads');
  }
  const records = await deps.assistRequests.listByStatus(query.status, query.limit);
  const items = await Promise.all(
    records.map(async (record) => toQueueItem(record, parseDetails(await deps.secretBox.open(record.sealedDetails)))),
  );
  // The ids are random keys, not identifiers: a supervisor can tell exactly whose details each agent saw.
  const ids = items.map((item) => item.id).join(',');
  await call.record({ outcome: 'allowed', detail: `status=${query.status};count=${items.length};ids=${ids}` });
  return items;
}

export async function updateAssistRequest(
  deps: { config: BreachConfig; assistRequests: AssistRequestStore; clock: Clock },
  call: StaffCallAudit,
  id: string,
  change: AssistRequestUpdate,
  consoleLanguage: Locale,
): Promise<Omit<AssistQueueItem, 'details'>> {
  const staff = call.staff;
  if (!staff) throw new Error('updateAssistRequest needs an identified staff call');
  if (change.note !== undefined) assertNoIdentifierIn(deps.config, 'note', change.note, consoleLanguage);
  let updated: AssistRequestRecord | undefined;
  try {
    updated = await deps.assistRequests.update(id, {
      status: change.status,
      ...(change.note !== undefined ? { note: change.note } : {}),
      ...(change.claim !== undefined ? { claim: change.claim } : {}),
      updatedAt: deps.clock.now(),
      updatedBy: staff.staffId,
    });
  } catch (error) {
    if (error instanceof AssistRequestClaimedError) {
      await call.record({ outcome: 'refused', detail: `id=${id};claimed_by_other` });
    }
    throw error;
  }
  if (!updated) {
    await call.record({ outcome: 'refused', detail: 'assist_request_not_found' });
    throw new AssistRequestNotFoundError();
  }
  // The request id is a random key, not an identifier: it ties the record to the queue item that was worked on.
  const claim = change.claim ? `;claim=${change.claim}` : '';
  await call.record({ outcome: 'allowed', detail: `id=${id};status=${change.status}${claim}` });
  const { details: _sealed, ...visible } = toQueueItem(updated, {});
  return visible;
}

function toQueueItem(record: AssistRequestRecord, details: CallbackDetails): AssistQueueItem {
  return {
    id: record.id,
    createdAt: new Date(record.createdAt).toISOString(),
    status: record.status,
    locale: record.locale,
    details,
    ...(record.note !== undefined ? { note: record.note } : {}),
    ...(record.updatedAt !== undefined ? { updatedAt: new Date(record.updatedAt).toISOString() } : {}),
    ...(record.updatedBy !== undefined ? { updatedBy: record.updatedBy } : {}),
    ...(record.assignee !== undefined ? { assignee: record.assignee } : {}),
  };
}

/** Sealed details are a JSON object of strings; anything else is shown as one opaque text rather than dropped. */
function parseDetails(plaintext: string): CallbackDetails {
  try {
    const parsed: unknown = JSON.parse(plaintext);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    }
  } catch {
    // fall through: not JSON
  }
  return { text: plaintext };
}
