import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTokenStore } from '../../../functions/adapters/dynamodb/dynamodb-token-store';
import { ConflictError, ServiceUnavailableError } from '../../../functions/core/errors';
import type { AssistRequestRecord, AuditRecord } from '../../../functions/core/ports';
import { AssistRequestClaimedError } from '../../../functions/core/staff/staff-errors';
import { createEmulatorClients } from '../../../functions/local/emulators/dynamodb-emulator';
import { freePort } from '../../support/free-port';
import { DAY, key, START, seconds, useDynamoStores } from './dynamodb-store-fixture';

const context = useDynamoStores();

function auditRecord(id: string, at: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
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

describe('DynamoDbAuditLog', () => {
  it('is append-only: a second record with the same key is refused and the first stays', async () => {
    const id = key('audit');
    await context.stores.audit.append(auditRecord(id, START));
    await expect(context.stores.audit.append(auditRecord(id, START, { outcome: 'refused' }))).rejects.toBeInstanceOf(
      ConflictError,
    );
    const listed = await context.stores.audit.list({ from: START, to: START });
    expect(listed.filter((record) => record.id === id)).toEqual([auditRecord(id, START)]);
  });

  it('lists a range across UTC days newest first, by staff member, up to a limit', async () => {
    const base = START + 100 * DAY; // a period no other test writes to
    const staffId = key('staff');
    const ids = ['a', 'b', 'c', 'd', 'e'].map((letter) => `${letter}-${key('audit')}`);
    await context.stores.audit.append(auditRecord(ids[0] as string, base - 3 * DAY, { staffId }));
    await context.stores.audit.append(auditRecord(ids[1] as string, base - 2 * DAY, { staffId }));
    await context.stores.audit.append(
      auditRecord(ids[2] as string, base - 2 * DAY + 1000, { staffId: 'supervisor-9' }),
    );
    await context.stores.audit.append(auditRecord(ids[3] as string, base - DAY, { staffId }));
    await context.stores.audit.append(auditRecord(ids[4] as string, base + 1, { staffId }));

    const inRange = await context.stores.audit.list({ from: base - 2 * DAY, to: base });
    expect(inRange.map((record) => record.id)).toEqual([ids[3], ids[2], ids[1]]);
    const byStaff = await context.stores.audit.list({ from: base - 5 * DAY, to: base + DAY, staffId, limit: 3 });
    expect(byStaff.map((record) => record.id)).toEqual([ids[4], ids[3], ids[1]]);
    expect(await context.stores.audit.list({ from: base, to: base - DAY })).toEqual([]);
  });

  it('stores the TTL attribute and leaves out optional fields that were not given', async () => {
    const id = key('audit');
    const at = START + 200 * DAY;
    await context.stores.audit.append({
      id,
      at,
      staffId: 'agent-2',
      role: 'supervisor',
      action: 'audit.read',
      outcome: 'allowed',
      expiresAtEpochSeconds: seconds(at) + 10,
    });
    const [listed] = await context.stores.audit.list({ from: at, to: at });
    expect(listed).toEqual({
      id,
      at,
      staffId: 'agent-2',
      role: 'supervisor',
      action: 'audit.read',
      outcome: 'allowed',
      expiresAtEpochSeconds: seconds(at) + 10,
    });
    context.clock.set(at + 10_000);
    expect(await context.stores.audit.list({ from: at, to: at })).toEqual([]);
  });
});

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
    sealedDetails: 'sealed-blob',
    expiresAtEpochSeconds: seconds(createdAt) + 30 * 86400,
    ...overrides,
  };
}

describe('DynamoDbAssistRequestStore', () => {
  it('queues by status through the byStatus index, oldest first, updates move requests between queues', async () => {
    // Statuses are shared by every test on this table, so this one looks only at its own ids.
    const first = key('request');
    const second = key('request');
    await context.stores.assistRequests.create(assistRequest(second, START + 2));
    await context.stores.assistRequests.create(assistRequest(first, START + 1));
    const mine = (records: AssistRequestRecord[]) => records.filter((r) => r.id === first || r.id === second);

    expect(mine(await context.stores.assistRequests.listByStatus('open', 100)).map((r) => r.id)).toEqual([
      first,
      second,
    ]);

    const updated = await context.stores.assistRequests.update(first, {
      status: 'in_progress',
      note: 'calling back at 14:00',
      updatedAt: START + 10,
      updatedBy: 'agent-1',
    });
    expect(updated).toEqual({
      ...assistRequest(first, START + 1),
      status: 'in_progress',
      note: 'calling back at 14:00',
      updatedAt: START + 10,
      updatedBy: 'agent-1',
    });
    expect(mine(await context.stores.assistRequests.listByStatus('open', 100)).map((r) => r.id)).toEqual([second]);
    expect(mine(await context.stores.assistRequests.listByStatus('in_progress', 100)).map((r) => r.id)).toEqual([
      first,
    ]);
  });

  it('answers undefined for an unknown id instead of creating an item', async () => {
    const id = key('missing');
    expect(
      await context.stores.assistRequests.update(id, { status: 'done', updatedAt: START, updatedBy: 'agent-1' }),
    ).toBeUndefined();
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.assistRequests, Key: { id } }),
    );
    expect(item.Item).toBeUndefined();
  });

  it('hides expired requests from the queue and refuses to update them', async () => {
    const id = key('short-lived');
    await context.stores.assistRequests.create(
      assistRequest(id, START, { status: 'done', expiresAtEpochSeconds: seconds(START) + 5 }),
    );
    expect((await context.stores.assistRequests.listByStatus('done', 1000)).some((r) => r.id === id)).toBe(true);
    context.clock.advance(5000);
    expect((await context.stores.assistRequests.listByStatus('done', 1000)).some((r) => r.id === id)).toBe(false);
    expect(
      await context.stores.assistRequests.update(id, { status: 'open', updatedAt: START, updatedBy: 'a' }),
    ).toBeUndefined();
  });

  it('refuses a duplicate id', async () => {
    const id = key('request');
    await context.stores.assistRequests.create(assistRequest(id, START));
    await expect(context.stores.assistRequests.create(assistRequest(id, START))).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('when DynamoDB cannot be reached', () => {
  it('fails with ServiceUnavailableError, not a raw network error', async () => {
    const closedPort = await freePort();
    const { client, documentClient } = createEmulatorClients(`http://127.0.0.1:${closedPort}`);
    try {
      const unreachable = new DynamoDbTokenStore(documentClient, context.dynamo.tableNames.tokens, context.clock);
      await expect(unreachable.get('anything')).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      client.destroy();
    }
  });
});

describe('DynamoDbAssistRequestStore claims', () => {
  const change = (updatedBy: string, claim: 'take' | 'release') => ({
    status: 'in_progress' as const,
    updatedAt: START + 10,
    updatedBy,
    claim,
  });

  it('lets exactly one of two agents claiming at once win; the other is told it is claimed', async () => {
    const id = key('claim');
    await context.stores.assistRequests.create(assistRequest(id, START));
    const attempts = await Promise.allSettled([
      context.stores.assistRequests.update(id, change('agent-1', 'take')),
      context.stores.assistRequests.update(id, change('agent-2', 'take')),
    ]);
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const lost = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((attempt) => (attempt as PromiseRejectedResult).reason)).toEqual([
      expect.any(AssistRequestClaimedError),
    ]);
    const winner = (won[0] as PromiseFulfilledResult<AssistRequestRecord>).value.assignee;
    expect(['agent-1', 'agent-2']).toContain(winner);
    const [stored] = (await context.stores.assistRequests.listByStatus('in_progress', 1000)).filter((r) => r.id === id);
    expect(stored?.assignee).toBe(winner);
  });

  it('lets the holder claim again and release; then another agent can take it', async () => {
    const id = key('claim');
    await context.stores.assistRequests.create(assistRequest(id, START));
    expect((await context.stores.assistRequests.update(id, change('agent-1', 'take')))?.assignee).toBe('agent-1');
    expect((await context.stores.assistRequests.update(id, change('agent-1', 'take')))?.assignee).toBe('agent-1');
    await expect(context.stores.assistRequests.update(id, change('agent-2', 'release'))).rejects.toBeInstanceOf(
      AssistRequestClaimedError,
    );
    const released = await context.stores.assistRequests.update(id, change('agent-1', 'release'));
    expect(released?.assignee).toBeUndefined();
    expect((await context.stores.assistRequests.update(id, change('agent-2', 'take')))?.assignee).toBe('agent-2');
    // A status change without a claim leaves the assignee alone.
    const noted = await context.stores.assistRequests.update(id, { status: 'done', updatedAt: START, updatedBy: 'x' });
    expect(noted?.assignee).toBe('agent-2');
  });

  it('answers undefined, not "claimed", for a claim on an unknown id', async () => {
    expect(await context.stores.assistRequests.update(key('missing'), change('agent-1', 'take'))).toBeUndefined();
  });
});
