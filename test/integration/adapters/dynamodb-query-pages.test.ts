import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryItems } from '../../../functions/adapters/dynamodb/query-items';
import { createEmulatorClients } from '../../../functions/local/emulators/dynamodb-emulator';
import { key, useDynamoStores } from './dynamodb-store-fixture';

/*
 * queryItems on dynalite with small pages: it follows LastEvaluatedKey to the end, and a caller that stops early
 * (the staff queue and audit readers stop at their limit) costs no further Query.
 */

const context = useDynamoStores();

/** A document client of its own, counting the Query requests it sends. */
function countingClient(): { client: DynamoDBDocumentClient; queries: () => number; destroy: () => void } {
  const { client: raw, documentClient } = createEmulatorClients(context.dynamo.endpoint);
  let queries = 0;
  raw.middlewareStack.add(
    (next, middlewareContext) => async (args) => {
      if (middlewareContext.commandName === 'QueryCommand') queries += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countQueries' },
  );
  return { client: documentClient, queries: () => queries, destroy: () => raw.destroy() };
}

async function seed(identifierHash: string, count: number): Promise<void> {
  const items = Array.from({ length: count }, (_, i) => ({
    identifierHash,
    recordKey: `b#s${String(i).padStart(2, '0')}`,
    breachId: 'b',
    subjectId: `s${i}`,
    fields: ['email'],
  }));
  await context.dynamo.client.send(
    new BatchWriteCommand({
      RequestItems: { [context.dynamo.tableNames.exposures]: items.map((Item) => ({ PutRequest: { Item } })) },
    }),
  );
}

/** Seeds 7 items under a new identifier and reads them in pages of 3, stopping after `stopAfter` items. */
async function readInPagesOfThree(stopAfter = Number.POSITIVE_INFINITY) {
  const identifierHash = key('paged');
  await seed(identifierHash, 7);
  const { client, queries, destroy } = countingClient();
  try {
    const keys: unknown[] = [];
    for await (const item of queryItems(client, {
      TableName: context.dynamo.tableNames.exposures,
      KeyConditionExpression: 'identifierHash = :h',
      ExpressionAttributeValues: { ':h': identifierHash },
      Limit: 3,
    })) {
      keys.push(item.recordKey);
      if (keys.length >= stopAfter) break;
    }
    return { keys, queries: queries() };
  } finally {
    destroy();
  }
}

describe('queryItems', () => {
  it('reads every page, in key order', async () => {
    const { keys, queries } = await readInPagesOfThree();
    expect(keys).toEqual(['b#s00', 'b#s01', 'b#s02', 'b#s03', 'b#s04', 'b#s05', 'b#s06']);
    // 3 + 3 + 1, and the last page carries no LastEvaluatedKey.
    expect(queries).toBe(3);
  });

  it('asks for no further page once the caller stops', async () => {
    const { keys, queries } = await readInPagesOfThree(4);
    expect(keys).toEqual(['b#s00', 'b#s01', 'b#s02', 'b#s03']);
    expect(queries).toBe(2);
  });

  it('refuses a client that is not a DynamoDBDocumentClient with a clear error', async () => {
    const standIn = { send: async () => ({ Items: [] }) } as unknown as Pick<DynamoDBDocumentClient, 'send'>;
    const pages = queryItems(standIn, { TableName: 'any', KeyConditionExpression: 'k = :k' });
    await expect(pages.next()).rejects.toThrow(/needs a DynamoDBDocumentClient/);
  });
});
