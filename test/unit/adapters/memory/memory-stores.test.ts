import { ManualClock } from '../../../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../../../functions/adapters/memory/memory-stores';
import { ConflictError } from '../../../../functions/core/errors';
import type { AssistRequestRecord, AuditRecord, TokenRecord } from '../../../../functions/core/ports';
import { AssistRequestClaimedError } from '../../../../functions/core/staff/staff-errors';

const START = Date.parse('2026-03-01T12:00:00.000Z');
const seconds = (ms: number) => Math.floor(ms / 1000);

function setup() {
  const clock = new ManualClock(START);
  return { clock, ...createMemoryStores(clock) };
}

function token(overrides: Partial<TokenRecord> = {}): TokenRecord {
  return {
    tokenHash: 'token-hash-1',
    identifierHash: 'identifier-hash-1',
    identifierType: 'email',
    locale: 'nl',
    createdAt: START,
    expiresAtEpochSeconds: seconds(START) + 24 * 3600,
    ...overrides,
  };
}

function auditRecord(id: string, at: number, staffId = 'agent-1'): AuditRecord {
  return {
    id,
    at,
    staffId,
    role: 'agent',
    action: 'lookup',
    outcome: 'allowed',
    expiresAtEpochSeconds: seconds(at) + 730 * 86400,
  };
}

function assistRequest(
  id: string,
  createdAt: number,
  overrides: Partial<AssistRequestRecord> = {},
): AssistRequestRecord {
  return {
    id,
    createdAt,
    status: 'open',
    locale: 'nl',
    sealedDetails: 'sealed',
    expiresAtEpochSeconds: seconds(createdAt) + 30 * 86400,
    ...overrides,
  };
}

describe('MemoryExposureStore', () => {
  it('returns every record under an identifier and nothing under another', async () => {
    const { exposures } = setup();
    await exposures.putRecords([
      { identifierHash: 'h1', breachId: 'b1', subjectId: 's1', fields: ['email', 'iban'] },
      { identifierHash: 'h1', breachId: 'b1', subjectId: 's2', fields: ['phone'] },
      { identifierHash: 'h2', breachId: 'b1', subjectId: 's3', fields: ['address'] },
    ]);
    const found = await exposures.findByIdentifier('h1');
    expect(found.map((r) => r.subjectId)).toEqual(['s1', 's2']);
    expect(found[0]?.fields).toEqual(['iban', 'email']);
    expect(await exposures.findByIdentifier('unknown')).toEqual([]);
  });

  it('keeps one item when the same record is written twice', async () => {
    const { exposures } = setup();
    const record = { identifierHash: 'h1', breachId: 'b1', subjectId: 's1', fields: ['email' as const] };
    await exposures.putRecords([record]);
    await exposures.putRecords([{ ...record, fields: ['email', 'phone'] }]);
    expect(await exposures.findByIdentifier('h1')).toEqual([{ ...record, fields: ['phone', 'email'] }]);
    expect(exposures.size).toBe(1);
  });
});

describe('MemoryTokenStore', () => {
  it('refuses to create a token whose hash exists', async () => {
    const { tokens } = setup();
    await tokens.create(token());
    await expect(tokens.create(token({ identifierHash: 'other' }))).rejects.toBeInstanceOf(ConflictError);
    expect((await tokens.get('token-hash-1'))?.identifierHash).toBe('identifier-hash-1');
  });

  it('redeems a token only once', async () => {
    const { tokens } = setup();
    await tokens.create(token());
    const first = await tokens.markRedeemed('token-hash-1', START + 1000, START + 1000 + 30 * 60_000);
    const second = await tokens.markRedeemed('token-hash-1', START + 2000, START + 2000 + 30 * 60_000);
    expect(first?.redeemedAt).toBe(START + 1000);
    expect(second).toBeUndefined();
    expect((await tokens.get('token-hash-1'))?.redeemedAt).toBe(START + 1000);
  });

  it('does not redeem an expired or unknown token, but still returns the expired record', async () => {
    const { tokens, clock } = setup();
    await tokens.create(token());
    clock.advance(24 * 3600 * 1000);
    expect(await tokens.markRedeemed('token-hash-1', clock.now(), clock.now() + 1)).toBeUndefined();
    expect(await tokens.markRedeemed('nope', clock.now(), clock.now() + 1)).toBeUndefined();
    expect((await tokens.get('token-hash-1'))?.redeemedAt).toBeUndefined();
  });
});

describe('MemoryCounterStore', () => {
  it('counts up and restarts at 1 after the window expired', async () => {
    const { counters, clock } = setup();
    const windowEnd = seconds(START) + 60;
    expect(await counters.increment('k', windowEnd)).toBe(1);
    expect(await counters.increment('k', windowEnd)).toBe(2);
    expect(await counters.get('k')).toBe(2);
    clock.advance(60_000);
    expect(await counters.get('k')).toBe(0);
    expect(await counters.increment('k', windowEnd + 60)).toBe(1);
  });

  it('reads an unknown counter as 0', async () => {
    const { counters } = setup();
    expect(await counters.get('never')).toBe(0);
  });
});

describe('MemoryAuditLog', () => {
  it('refuses a second record with the same id and time', async () => {
    const { audit } = setup();
    await audit.append(auditRecord('a1', START));
    await expect(audit.append({ ...auditRecord('a1', START), action: 'changed' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('lists a range newest first, filtered by staff and limited', async () => {
    const { audit } = setup();
    const day = 86_400_000;
    await audit.append(auditRecord('a1', START - 2 * day));
    await audit.append(auditRecord('a2', START - day, 'agent-2'));
    await audit.append(auditRecord('a3', START - day + 1));
    await audit.append(auditRecord('a4', START));
    const all = await audit.list({ from: START - day, to: START });
    expect(all.map((r) => r.id)).toEqual(['a4', 'a3', 'a2']);
    expect(
      (await audit.list({ from: START - 3 * day, to: START, staffId: 'agent-1', limit: 2 })).map((r) => r.id),
    ).toEqual(['a4', 'a3']);
  });
});

describe('MemoryAssistRequestStore', () => {
  it('lists a status oldest first and hides expired requests', async () => {
    const { assistRequests, clock } = setup();
    await assistRequests.create(assistRequest('r2', START + 2));
    await assistRequests.create(assistRequest('r1', START + 1));
    await assistRequests.create(assistRequest('short', START, { expiresAtEpochSeconds: seconds(START) + 10 }));
    await assistRequests.create(assistRequest('done', START, { status: 'done' }));
    expect((await assistRequests.listByStatus('open', 10)).map((r) => r.id)).toEqual(['short', 'r1', 'r2']);
    clock.advance(10_000);
    expect((await assistRequests.listByStatus('open', 10)).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect((await assistRequests.listByStatus('open', 1)).map((r) => r.id)).toEqual(['r1']);
  });

  it('updates status and moves the request between queues; unknown ids give undefined', async () => {
    const { assistRequests } = setup();
    await assistRequests.create(assistRequest('r1', START));
    const updated = await assistRequests.update('r1', {
      status: 'in_progress',
      updatedAt: START + 5,
      updatedBy: 'agent-1',
      note: 'called',
    });
    expect(updated).toMatchObject({
      status: 'in_progress',
      note: 'called',
      updatedBy: 'agent-1',
      sealedDetails: 'sealed',
    });
    expect(await assistRequests.listByStatus('open', 10)).toEqual([]);
    expect((await assistRequests.listByStatus('in_progress', 10)).map((r) => r.id)).toEqual(['r1']);
    expect(
      await assistRequests.update('missing', { status: 'done', updatedAt: START, updatedBy: 'agent-1' }),
    ).toBeUndefined();
  });

  it('refuses a duplicate id', async () => {
    const { assistRequests } = setup();
    await assistRequests.create(assistRequest('r1', START));
    await expect(assistRequests.create(assistRequest('r1', START))).rejects.toBeInstanceOf(ConflictError);
  });

  it('claims like the DynamoDB store: only while free or already mine; release frees it', async () => {
    const { assistRequests } = setup();
    await assistRequests.create(assistRequest('r1', START));
    const change = (updatedBy: string, claim: 'take' | 'release') => ({
      status: 'open' as const,
      updatedAt: START,
      updatedBy,
      claim,
    });
    expect((await assistRequests.update('r1', change('agent-1', 'take')))?.assignee).toBe('agent-1');
    await expect(assistRequests.update('r1', change('agent-2', 'take'))).rejects.toBeInstanceOf(
      AssistRequestClaimedError,
    );
    expect((await assistRequests.update('r1', change('agent-1', 'release')))?.assignee).toBeUndefined();
    expect((await assistRequests.update('r1', change('agent-2', 'take')))?.assignee).toBe('agent-2');
  });
});
