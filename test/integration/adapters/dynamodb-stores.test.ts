import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTokenStore } from '../../../functions/adapters/dynamodb/dynamodb-token-store';
import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { ConflictError, ServiceUnavailableError } from '../../../functions/core/errors';
import { type Field, sortFieldsByRisk } from '../../../functions/core/fields';
import type { AssistRequestRecord, AuditRecord, ExposureRecord, TokenRecord } from '../../../functions/core/ports';
import { createEmulatorClients } from '../../../functions/local/dynamodb-emulator';
import { freePort } from '../../support/free-port';
import { startDynamo, type TestDynamo } from '../../support/start-dynamo';

const START = Date.parse('2026-03-01T12:00:00.000Z');
const DAY = 86_400_000;
const seconds = (ms: number) => Math.floor(ms / 1000);

let dynamo: TestDynamo;
let clock: ManualClock;
let stores: ReturnType<TestDynamo['stores']>;

beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());
beforeEach(() => {
  clock = new ManualClock(START);
  stores = dynamo.stores(clock);
});

// Each test uses its own keys, so tests share the tables without seeing each other's items.
let unique = 0;
const key = (label: string) => `${label}-${++unique}-${expect.getState().currentTestName?.length ?? 0}`;

describe('DynamoDbExposureStore', () => {
  it('finds every record written under an identifier, and the union of their fields', async () => {
    const identifierHash = key('identifier');
    const records: ExposureRecord[] = [
      { identifierHash, breachId: 'breach-a', subjectId: 'subject-1', fields: ['email', 'fullName'] },
      { identifierHash, breachId: 'breach-a', subjectId: 'subject-2', fields: ['iban', 'email'] },
      { identifierHash: key('other'), breachId: 'breach-a', subjectId: 'subject-3', fields: ['address'] },
    ];
    await stores.exposures.putRecords(records);
    const found = await stores.exposures.findByIdentifier(identifierHash);
    expect(found).toEqual([
      { identifierHash, breachId: 'breach-a', subjectId: 'subject-1', fields: ['email', 'fullName'] },
      { identifierHash, breachId: 'breach-a', subjectId: 'subject-2', fields: ['iban', 'email'] },
    ]);
    expect(sortFieldsByRisk(found.flatMap((record) => record.fields))).toEqual(['iban', 'email', 'fullName']);
    expect(await stores.exposures.findByIdentifier(key('absent'))).toEqual([]);
  });

  it('stores the item under recordKey = breachId#subjectId', async () => {
    const identifierHash = key('identifier');
    await stores.exposures.putRecords([{ identifierHash, breachId: 'b', subjectId: 's', fields: ['phone'] }]);
    const item = await dynamo.client.send(
      new GetCommand({ TableName: dynamo.tableNames.exposures, Key: { identifierHash, recordKey: 'b#s' } }),
    );
    expect(item.Item).toEqual({ identifierHash, recordKey: 'b#s', breachId: 'b', subjectId: 's', fields: ['phone'] });
  });

  it('is idempotent: writing the same records again leaves one item each', async () => {
    const identifierHash = key('identifier');
    const record: ExposureRecord = { identifierHash, breachId: 'b', subjectId: 's', fields: ['email'] };
    await stores.exposures.putRecords([record]);
    await stores.exposures.putRecords([record, record]);
    const items = await dynamo.client.send(
      new QueryCommand({
        TableName: dynamo.tableNames.exposures,
        KeyConditionExpression: 'identifierHash = :h',
        ExpressionAttributeValues: { ':h': identifierHash },
      }),
    );
    expect(items.Count).toBe(1);
  });

  it('writes more records than one batch holds (25), none lost', async () => {
    const prefix = key('bulk');
    const fields: Field[] = ['email'];
    const records = Array.from({ length: 137 }, (_, i) => ({
      identifierHash: `${prefix}-${i % 40}`,
      breachId: 'b',
      subjectId: `s${i}`,
      fields,
    }));
    await stores.exposures.putRecords(records);
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => stores.exposures.findByIdentifier(`${prefix}-${i}`).then((r) => r.length)),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(137);
  });
});

function token(tokenHash: string, overrides: Partial<TokenRecord> = {}): TokenRecord {
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

describe('DynamoDbTokenStore', () => {
  it('stores the token with its TTL attribute expiresAt in epoch seconds', async () => {
    const tokenHash = key('token');
    await stores.tokens.create(token(tokenHash));
    const item = await dynamo.client.send(new GetCommand({ TableName: dynamo.tableNames.tokens, Key: { tokenHash } }));
    expect(item.Item?.expiresAt).toBe(seconds(START) + 24 * 3600);
    expect(await stores.tokens.get(tokenHash)).toEqual(token(tokenHash));
  });

  it('refuses to overwrite an existing token', async () => {
    const tokenHash = key('token');
    await stores.tokens.create(token(tokenHash));
    await expect(stores.tokens.create(token(tokenHash, { identifierHash: 'someone-else' }))).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await stores.tokens.get(tokenHash))?.identifierHash).toBe('identifier-hash');
  });

  it('lets exactly one of two concurrent redemptions win', async () => {
    const tokenHash = key('token');
    await stores.tokens.create(token(tokenHash));
    const other = new DynamoDbTokenStore(dynamo.client, dynamo.tableNames.tokens, clock);
    const results = await Promise.all([
      stores.tokens.markRedeemed(tokenHash, START + 1, START + 1 + 30 * 60_000),
      other.markRedeemed(tokenHash, START + 2, START + 2 + 30 * 60_000),
    ]);
    const winners = results.filter((result) => result !== undefined);
    expect(winners).toHaveLength(1);
    expect((await stores.tokens.get(tokenHash))?.redeemedAt).toBe(winners[0]?.redeemedAt);
  });

  it('does not redeem an expired token but still returns it, so the caller can say "expired"', async () => {
    const tokenHash = key('token');
    await stores.tokens.create(token(tokenHash));
    clock.advance(24 * 3600 * 1000);
    expect(await stores.tokens.markRedeemed(tokenHash, clock.now(), clock.now() + 1)).toBeUndefined();
    expect(await stores.tokens.get(tokenHash)).toEqual(token(tokenHash));
    expect(await stores.tokens.markRedeemed(key('unknown'), clock.now(), clock.now() + 1)).toBeUndefined();
    expect(await stores.tokens.get(key('unknown'))).toBeUndefined();
  });
});

describe('DynamoDbCounterStore', () => {
  it('counts concurrent increments without losing any and sets the TTL attribute', async () => {
    const counterKey = key('counter');
    const windowEnd = seconds(START) + 60;
    const counts = await Promise.all(
      Array.from({ length: 10 }, () => stores.counters.increment(counterKey, windowEnd)),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await stores.counters.get(counterKey)).toBe(10);
    const item = await dynamo.client.send(
      new GetCommand({ TableName: dynamo.tableNames.counters, Key: { counterKey } }),
    );
    expect(item.Item?.expiresAt).toBe(windowEnd);
  });

  it('treats an expired counter as 0 and starts a new window at 1', async () => {
    const counterKey = key('counter');
    await stores.counters.increment(counterKey, seconds(START) + 60);
    await stores.counters.increment(counterKey, seconds(START) + 60);
    clock.advance(60_000);
    expect(await stores.counters.get(counterKey)).toBe(0);
    expect(await stores.counters.increment(counterKey, seconds(clock.now()) + 60)).toBe(1);
    expect(await stores.counters.increment(counterKey, seconds(clock.now()) + 60)).toBe(2);
    const item = await dynamo.client.send(
      new GetCommand({ TableName: dynamo.tableNames.counters, Key: { counterKey } }),
    );
    expect(item.Item?.expiresAt).toBe(seconds(clock.now()) + 60);
  });

  it('reads a counter that was never written as 0', async () => {
    expect(await stores.counters.get(key('never'))).toBe(0);
  });
});

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
    await stores.audit.append(auditRecord(id, START));
    await expect(stores.audit.append(auditRecord(id, START, { outcome: 'refused' }))).rejects.toBeInstanceOf(
      ConflictError,
    );
    const listed = await stores.audit.list({ from: START, to: START });
    expect(listed.filter((record) => record.id === id)).toEqual([auditRecord(id, START)]);
  });

  it('lists a range across UTC days newest first, by staff member, up to a limit', async () => {
    const base = START + 100 * DAY; // a period no other test writes to
    const staffId = key('staff');
    const ids = ['a', 'b', 'c', 'd', 'e'].map((letter) => `${letter}-${key('audit')}`);
    await stores.audit.append(auditRecord(ids[0] as string, base - 3 * DAY, { staffId }));
    await stores.audit.append(auditRecord(ids[1] as string, base - 2 * DAY, { staffId }));
    await stores.audit.append(auditRecord(ids[2] as string, base - 2 * DAY + 1000, { staffId: 'supervisor-9' }));
    await stores.audit.append(auditRecord(ids[3] as string, base - DAY, { staffId }));
    await stores.audit.append(auditRecord(ids[4] as string, base + 1, { staffId }));

    const inRange = await stores.audit.list({ from: base - 2 * DAY, to: base });
    expect(inRange.map((record) => record.id)).toEqual([ids[3], ids[2], ids[1]]);
    const byStaff = await stores.audit.list({ from: base - 5 * DAY, to: base + DAY, staffId, limit: 3 });
    expect(byStaff.map((record) => record.id)).toEqual([ids[4], ids[3], ids[1]]);
    expect(await stores.audit.list({ from: base, to: base - DAY })).toEqual([]);
  });

  it('stores the TTL attribute and leaves out optional fields that were not given', async () => {
    const id = key('audit');
    const at = START + 200 * DAY;
    await stores.audit.append({
      id,
      at,
      staffId: 'agent-2',
      role: 'supervisor',
      action: 'audit.read',
      outcome: 'allowed',
      expiresAtEpochSeconds: seconds(at) + 10,
    });
    const [listed] = await stores.audit.list({ from: at, to: at });
    expect(listed).toEqual({
      id,
      at,
      staffId: 'agent-2',
      role: 'supervisor',
      action: 'audit.read',
      outcome: 'allowed',
      expiresAtEpochSeconds: seconds(at) + 10,
    });
    clock.set(at + 10_000);
    expect(await stores.audit.list({ from: at, to: at })).toEqual([]);
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
    await stores.assistRequests.create(assistRequest(second, START + 2));
    await stores.assistRequests.create(assistRequest(first, START + 1));
    const mine = (records: AssistRequestRecord[]) => records.filter((r) => r.id === first || r.id === second);

    expect(mine(await stores.assistRequests.listByStatus('open', 100)).map((r) => r.id)).toEqual([first, second]);

    const updated = await stores.assistRequests.update(first, {
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
    expect(mine(await stores.assistRequests.listByStatus('open', 100)).map((r) => r.id)).toEqual([second]);
    expect(mine(await stores.assistRequests.listByStatus('in_progress', 100)).map((r) => r.id)).toEqual([first]);
  });

  it('answers undefined for an unknown id instead of creating an item', async () => {
    const id = key('missing');
    expect(
      await stores.assistRequests.update(id, { status: 'done', updatedAt: START, updatedBy: 'agent-1' }),
    ).toBeUndefined();
    const item = await dynamo.client.send(new GetCommand({ TableName: dynamo.tableNames.assistRequests, Key: { id } }));
    expect(item.Item).toBeUndefined();
  });

  it('hides expired requests from the queue and refuses to update them', async () => {
    const id = key('short-lived');
    await stores.assistRequests.create(
      assistRequest(id, START, { status: 'done', expiresAtEpochSeconds: seconds(START) + 5 }),
    );
    expect((await stores.assistRequests.listByStatus('done', 1000)).some((r) => r.id === id)).toBe(true);
    clock.advance(5000);
    expect((await stores.assistRequests.listByStatus('done', 1000)).some((r) => r.id === id)).toBe(false);
    expect(
      await stores.assistRequests.update(id, { status: 'open', updatedAt: START, updatedBy: 'a' }),
    ).toBeUndefined();
  });

  it('refuses a duplicate id', async () => {
    const id = key('request');
    await stores.assistRequests.create(assistRequest(id, START));
    await expect(stores.assistRequests.create(assistRequest(id, START))).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('when DynamoDB cannot be reached', () => {
  it('fails with ServiceUnavailableError, not a raw network error', async () => {
    const closedPort = await freePort();
    const { client, documentClient } = createEmulatorClients(`http://127.0.0.1:${closedPort}`);
    try {
      const unreachable = new DynamoDbTokenStore(documentClient, dynamo.tableNames.tokens, clock);
      await expect(unreachable.get('anything')).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      client.destroy();
    }
  });
});
