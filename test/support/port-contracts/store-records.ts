import type { AssistRequestRecord, AuditRecord, TokenRecord } from '../../../functions/core/ports';

/*
 * The records the store contracts and the adapter-specific store tests write: one builder per record type, so no
 * test file keeps its own copy. Times start at START (a ManualClock's default) and TTLs are epoch seconds.
 */

export const START = Date.parse('2026-03-01T12:00:00.000Z');
export const DAY = 86_400_000;
export const seconds = (ms: number) => Math.floor(ms / 1000);

export function tokenRecord(tokenHash: string, overrides: Partial<TokenRecord> = {}): TokenRecord {
  return {
    tokenHash,
    identifierHash: 'identifier-hash',
    identifierType: 'email',
    locale: 'en',
    createdAt: START,
    expiresAtEpochSeconds: seconds(START) + 24 * 3600,
    ...overrides,
  };
}

export function auditRecord(id: string, at: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id,
    at,
    staffId: 'agent-1',
    role: 'agent',
    action: 'lookup',
    outcome: 'allowed',
    reason: 'caller verified',
    ticket: 'T-1',
    subjectHash: 'subject-hash',
    expiresAtEpochSeconds: seconds(at) + 730 * 86400,
    ...overrides,
  };
}

export function assistRequestRecord(
  id: string,
  createdAt: number,
  overrides: Partial<AssistRequestRecord> = {},
): AssistRequestRecord {
  return {
    id,
    createdAt,
    status: 'open',
    locale: 'nl',
    sealedDetails: 'sealed-blob',
    expiresAtEpochSeconds: seconds(createdAt) + 30 * 86400,
    ...overrides,
  };
}
