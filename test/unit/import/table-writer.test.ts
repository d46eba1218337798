import type { BatchWriteItemCommand, DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import type { ExposureRecord } from '../../../functions/core/ports';
import { ImportError } from '../../../functions/import/import-errors';
import { TableWriter } from '../../../functions/import/table-writer';

/*
 * The import's table writer against an in-memory BatchWriteItem stand-in that throttles the way DynamoDB does:
 * by answering with UnprocessedItems, or by throwing ProvisionedThroughputExceededException. Everything must end
 * up stored exactly once per key, with the retries counted; an error that retrying cannot fix must stop it.
 */

type Send = (command: BatchWriteItemCommand) => Promise<{ UnprocessedItems?: Record<string, WriteRequest[]> }>;

function tableStandIn(behaviour: (call: number, requests: WriteRequest[]) => 'ok' | 'half' | 'throttle' | 'invalid') {
  const stored = new Map<string, WriteRequest>();
  let calls = 0;
  const send: Send = async (command) => {
    const requests = command.input.RequestItems?.table ?? [];
    const keys = requests.map(
      (request) => `${request.PutRequest?.Item?.identifierHash?.S}#${request.PutRequest?.Item?.recordKey?.S}`,
    );
    if (new Set(keys).size !== keys.length)
      throw Object.assign(new Error('duplicate keys'), { name: 'ValidationException' });
    if (requests.length > 25) throw Object.assign(new Error('too many'), { name: 'ValidationException' });
    const outcome = behaviour(++calls, requests);
    if (outcome === 'throttle') {
      throw Object.assign(new Error('slow down'), {
        name: 'ProvisionedThroughputExceededException',
        $retryable: { throttling: true },
      });
    }
    if (outcome === 'invalid') throw Object.assign(new Error('bad'), { name: 'ValidationException' });
    const accepted = outcome === 'half' ? requests.slice(0, Math.ceil(requests.length / 2)) : requests;
    for (const [index, request] of accepted.entries()) stored.set(keys[index] as string, request);
    const rest = requests.slice(accepted.length);
    return rest.length > 0 ? { UnprocessedItems: { table: rest } } : {};
  };
  return { client: { send } as unknown as Pick<DynamoDBClient, 'send'>, stored, calls: () => calls };
}

const records = (count: number, prefix = 'h'): ExposureRecord[] =>
  Array.from({ length: count }, (_, index) => ({
    identifierHash: `${prefix}${index}`,
    breachId: 'b',
    subjectId: `s${index}`,
    fields: ['email', 'fullName'],
  }));

const noWait = { sleep: async () => {}, random: () => 0.5 };

describe('TableWriter', () => {
  it('stores every item once, retrying UnprocessedItems and throttling exceptions, and counts the retries', async () => {
    const table = tableStandIn((call) => (call % 3 === 0 ? 'throttle' : call % 2 === 0 ? 'half' : 'ok'));
    const writer = new TableWriter(table.client, 'table', { concurrency: 4, ...noWait });
    await Promise.all([writer.write(records(500)), writer.write(records(300, 'g'))]);
    expect(table.stored.size).toBe(800);
    expect(writer.stats.itemsWritten).toBe(800);
    expect(writer.stats.retries).toBeGreaterThan(0);
    expect(writer.stats.requests).toBe(table.calls());
    const item = table.stored.get('h7#b#s7')?.PutRequest?.Item;
    expect(item).toEqual({
      identifierHash: { S: 'h7' },
      recordKey: { S: 'b#s7' },
      breachId: { S: 'b' },
      subjectId: { S: 's7' },
      fields: { L: [{ S: 'email' }, { S: 'fullName' }] },
    });
  });

  it('sends one item per key when a chunk repeats a key (BatchWriteItem refuses duplicates)', async () => {
    const table = tableStandIn(() => 'ok');
    const writer = new TableWriter(table.client, 'table', noWait);
    await writer.write([...records(30), ...records(30)]);
    expect(table.stored.size).toBe(30);
  });

  it('gives up after maxAttempts of throttling with a message that says how to go on', async () => {
    const table = tableStandIn(() => 'throttle');
    const writer = new TableWriter(table.client, 'table', { maxAttempts: 3, ...noWait });
    await expect(writer.write(records(10))).rejects.toThrow(ImportError);
    await expect(writer.write(records(1))).rejects.toMatchObject({ code: 'table_unavailable' });
    expect(table.calls()).toBe(3);
  });

  it('stops at once on an error retrying cannot fix, and fails the writes still queued', async () => {
    const table = tableStandIn(() => 'invalid');
    const writer = new TableWriter(table.client, 'table', { concurrency: 1, ...noWait });
    const first = writer.write(records(25));
    const queued = writer.write(records(25, 'q'));
    await expect(first).rejects.toMatchObject({ code: 'table_rejected_items' });
    await expect(queued).rejects.toMatchObject({ code: 'table_rejected_items' });
    expect(table.calls()).toBe(1);
  });
});
