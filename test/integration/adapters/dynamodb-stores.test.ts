import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTokenStore } from '../../../functions/adapters/dynamodb/dynamodb-token-store';
import { ConflictError } from '../../../functions/core/errors';
import { type Field, sortFieldsByRisk } from '../../../functions/core/fields';
import type { ExposureRecord, TokenRecord } from '../../../functions/core/ports';
import { key, START, seconds, useDynamoStores } from './dynamodb-store-fixture';

const context = useDynamoStores();

describe('DynamoDbExposureStore', () => {
  it('finds every record written under an identifier, and the union of their fields', async () => {
    const identifierHash = key('identifier');
    const records: ExposureRecord[] = [
      { identifierHash, breachId: 'breach-a', subjectId: 'subject-1', fields: ['email', 'fullName'] },
      { identifierHash, breachId: 'breach-a', subjectId: 'subject-2', fields: ['iban', 'email'] },
      { identifierHash: key('other'), breachId: 'breach-a', subjectId: 'subject-3', fields: ['address'] },
    ];
    await context.stores.exposures.putRecords(records);
    const found = await context.stores.exposures.findByIdentifier(identifierHash);
    expect(found).toEqual([
      { identifierHash, breachId: 'breach-a', subjectId: 'subject-1', fields: ['email', 'fullName'] },
      { identifierHash, breachId: 'breach-a', subjectId: 'subject-2', fields: ['iban', 'email'] },
    ]);
    expect(sortFieldsByRisk(found.flatMap((record) => record.fields))).toEqual(['iban', 'email', 'fullName']);
    expect(await context.stores.exposures.findByIdentifier(key('absent'))).toEqual([]);
  });

  it('stores the item under recordKey = breachId#subjectId', async () => {
    const identifierHash = key('identifier');
    await context.stores.exposures.putRecords([{ identifierHash, breachId: 'b', subjectId: 's', fields: ['phone'] }]);
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.exposures, Key: { identifierHash, recordKey: 'b#s' } }),
    );
    expect(item.Item).toEqual({ identifierHash, recordKey: 'b#s', breachId: 'b', subjectId: 's', fields: ['phone'] });
  });

  it('is idempotent: writing the same records again leaves one item each', async () => {
    const identifierHash = key('identifier');
    const record: ExposureRecord = { identifierHash, breachId: 'b', subjectId: 's', fields: ['email'] };
    await context.stores.exposures.putRecords([record]);
    await context.stores.exposures.putRecords([record, record]);
    const items = await context.dynamo.client.send(
      new QueryCommand({
        TableName: context.dynamo.tableNames.exposures,
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
    await context.stores.exposures.putRecords(records);
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        context.stores.exposures.findByIdentifier(`${prefix}-${i}`).then((r) => r.length),
      ),
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
    await context.stores.tokens.create(token(tokenHash));
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.tokens, Key: { tokenHash } }),
    );
    expect(item.Item?.expiresAt).toBe(seconds(START) + 24 * 3600);
    expect(await context.stores.tokens.get(tokenHash)).toEqual(token(tokenHash));
  });

  it('refuses to overwrite an existing token', async () => {
    const tokenHash = key('token');
    await context.stores.tokens.create(token(tokenHash));
    await expect(
      context.stores.tokens.create(token(tokenHash, { identifierHash: 'someone-else' })),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await context.stores.tokens.get(tokenHash))?.identifierHash).toBe('identifier-hash');
  });

  it('lets exactly one of two concurrent redemptions win', async () => {
    const tokenHash = key('token');
    await context.stores.tokens.create(token(tokenHash));
    const other = new DynamoDbTokenStore(context.dynamo.client, context.dynamo.tableNames.tokens, context.clock);
    const results = await Promise.all([
      context.stores.tokens.markRedeemed(tokenHash, START + 1, START + 1 + 30 * 60_000),
      other.markRedeemed(tokenHash, START + 2, START + 2 + 30 * 60_000),
    ]);
    const winners = results.filter((result) => result !== undefined);
    expect(winners).toHaveLength(1);
    expect((await context.stores.tokens.get(tokenHash))?.redeemedAt).toBe(winners[0]?.redeemedAt);
  });

  it('does not redeem an expired token but still returns it, so the caller can say "expired"', async () => {
    const tokenHash = key('token');
    await context.stores.tokens.create(token(tokenHash));
    context.clock.advance(24 * 3600 * 1000);
    expect(
      await context.stores.tokens.markRedeemed(tokenHash, context.clock.now(), context.clock.now() + 1),
    ).toBeUndefined();
    expect(await context.stores.tokens.get(tokenHash)).toEqual(token(tokenHash));
    expect(
      await context.stores.tokens.markRedeemed(key('unknown'), context.clock.now(), context.clock.now() + 1),
    ).toBeUndefined();
    expect(await context.stores.tokens.get(key('unknown'))).toBeUndefined();
  });
});

describe('DynamoDbCounterStore', () => {
  it('counts concurrent increments without losing any and sets the TTL attribute', async () => {
    const counterKey = key('counter');
    const windowEnd = seconds(START) + 60;
    const counts = await Promise.all(
      Array.from({ length: 10 }, () => context.stores.counters.increment(counterKey, windowEnd)),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await context.stores.counters.get(counterKey)).toBe(10);
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.counters, Key: { counterKey } }),
    );
    expect(item.Item?.expiresAt).toBe(windowEnd);
  });

  it('treats an expired counter as 0 and starts a new window at 1', async () => {
    const counterKey = key('counter');
    await context.stores.counters.increment(counterKey, seconds(START) + 60);
    await context.stores.counters.increment(counterKey, seconds(START) + 60);
    context.clock.advance(60_000);
    expect(await context.stores.counters.get(counterKey)).toBe(0);
    expect(await context.stores.counters.increment(counterKey, seconds(context.clock.now()) + 60)).toBe(1);
    expect(await context.stores.counters.increment(counterKey, seconds(context.clock.now()) + 60)).toBe(2);
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.counters, Key: { counterKey } }),
    );
    expect(item.Item?.expiresAt).toBe(seconds(context.clock.now()) + 60);
  });

  it('reads a counter that was never written as 0', async () => {
    expect(await context.stores.counters.get(key('never'))).toBe(0);
  });
});
