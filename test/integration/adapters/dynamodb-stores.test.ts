import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTokenStore } from '../../../functions/adapters/dynamodb/dynamodb-token-store';
import type { ExposureRecord } from '../../../functions/core/ports';
import { START, seconds, tokenRecord } from '../../support/port-contracts/store-records';
import { key, useDynamoStores } from './dynamodb-store-fixture';

/*
 * What only the DynamoDB adapters of the check flow have: item shapes, TTL attributes, and races that conditional
 * writes decide. Their behaviour as ports is the contract suite (dynamodb-store-contracts.test.ts).
 */

const context = useDynamoStores();

describe('DynamoDbExposureStore items', () => {
  it('stores one item under recordKey = breachId#subjectId, however often it is written', async () => {
    const identifierHash = key('identifier');
    const record: ExposureRecord = { identifierHash, breachId: 'b', subjectId: 's', fields: ['phone'] };
    await context.stores.exposures.putRecords([record]);
    await context.stores.exposures.putRecords([record, record]);
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.exposures, Key: { identifierHash, recordKey: 'b#s' } }),
    );
    expect(item.Item).toEqual({ identifierHash, recordKey: 'b#s', breachId: 'b', subjectId: 's', fields: ['phone'] });
    const items = await context.dynamo.client.send(
      new QueryCommand({
        TableName: context.dynamo.tableNames.exposures,
        KeyConditionExpression: 'identifierHash = :h',
        ExpressionAttributeValues: { ':h': identifierHash },
      }),
    );
    expect(items.Count).toBe(1);
  });
});

describe('DynamoDbTokenStore items and races', () => {
  it('stores the token with its TTL attribute expiresAt in epoch seconds', async () => {
    const tokenHash = key('token');
    await context.stores.tokens.create(tokenRecord(tokenHash));
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.tokens, Key: { tokenHash } }),
    );
    expect(item.Item?.expiresAt).toBe(seconds(START) + 24 * 3600);
    expect(await context.stores.tokens.get(tokenHash)).toEqual(tokenRecord(tokenHash));
  });

  it('lets exactly one of two concurrent redemptions win', async () => {
    const tokenHash = key('token');
    await context.stores.tokens.create(tokenRecord(tokenHash));
    const other = new DynamoDbTokenStore(context.dynamo.client, context.dynamo.tableNames.tokens, context.clock);
    const results = await Promise.all([
      context.stores.tokens.markRedeemed(tokenHash, START + 1, START + 1 + 30 * 60_000),
      other.markRedeemed(tokenHash, START + 2, START + 2 + 30 * 60_000),
    ]);
    const winners = results.filter((result) => result !== undefined);
    expect(winners).toHaveLength(1);
    expect((await context.stores.tokens.get(tokenHash))?.redeemedAt).toBe(winners[0]?.redeemedAt);
  });
});

describe('DynamoDbCounterStore items and races', () => {
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

  it('moves the TTL attribute to the new window when an expired one restarts', async () => {
    const counterKey = key('counter');
    await context.stores.counters.increment(counterKey, seconds(START) + 60);
    await context.stores.counters.increment(counterKey, seconds(START) + 60);
    context.clock.advance(60_000);
    expect(await context.stores.counters.increment(counterKey, seconds(context.clock.now()) + 60)).toBe(1);
    expect(await context.stores.counters.increment(counterKey, seconds(context.clock.now()) + 60)).toBe(2);
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.counters, Key: { counterKey } }),
    );
    expect(item.Item?.expiresAt).toBe(seconds(context.clock.now()) + 60);
  });
});
