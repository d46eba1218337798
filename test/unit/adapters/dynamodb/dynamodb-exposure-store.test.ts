import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnprocessedWritesError } from '../../../../functions/adapters/dynamodb/dynamodb-errors';
import { DynamoDbExposureStore } from '../../../../functions/adapters/dynamodb/dynamodb-exposure-store';
import { ServiceUnavailableError } from '../../../../functions/core/errors';
import type { ExposureRecord } from '../../../../functions/core/ports';

/*
 * The batch retry path cannot be provoked in dynalite (it never leaves items unprocessed), so a scripted client
 * answers BatchWriteItem here: each call receives the request and returns what the script says.
 */

type BatchInput = { RequestItems: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> };
type Script = (requests: { PutRequest: { Item: Record<string, unknown> } }[], call: number) => unknown;

const TABLE = 'exposures';

function scriptedClient(script: Script) {
  const calls: number[] = [];
  const client = {
    send: async (command: { input: BatchInput }) => {
      const requests = command.input.RequestItems[TABLE] ?? [];
      calls.push(requests.length);
      return script(requests, calls.length);
    },
  } as unknown as Pick<DynamoDBDocumentClient, 'send'>;
  return { client, calls };
}

function records(count: number): ExposureRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    identifierHash: `h${i}`,
    breachId: 'b',
    subjectId: `s${i}`,
    fields: ['email'],
  }));
}

const noSleep = { sleep: async () => {}, random: () => 0.5 };

describe('DynamoDbExposureStore.putRecords', () => {
  it('splits writes into batches of at most 25', async () => {
    const { client, calls } = scriptedClient(() => ({}));
    await new DynamoDbExposureStore(client, TABLE, { ...noSleep, concurrency: 1 }).putRecords(records(60));
    expect(calls).toEqual([25, 25, 10]);
  });

  it('sends a key repeated within one call only once (BatchWriteItem rejects duplicates)', async () => {
    const { client, calls } = scriptedClient(() => ({}));
    const [first] = records(1) as [ExposureRecord];
    await new DynamoDbExposureStore(client, TABLE, noSleep).putRecords([first, first, { ...first, fields: ['iban'] }]);
    expect(calls).toEqual([1]);
  });

  it('retries unprocessed items with growing, jittered delays until they are written', async () => {
    const delays: number[] = [];
    const { client, calls } = scriptedClient((requests, call) =>
      call < 4 ? { UnprocessedItems: { [TABLE]: requests.slice(0, requests.length - 5) } } : {},
    );
    await new DynamoDbExposureStore(client, TABLE, {
      baseDelayMs: 100,
      maxDelayMs: 10_000,
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
    }).putRecords(records(25));
    expect(calls).toEqual([25, 20, 15, 10]);
    expect(delays).toEqual([50, 100, 200]);
  });

  it('gives up after the attempt limit with an error that counts the unwritten items', async () => {
    const { client, calls } = scriptedClient((requests) => ({ UnprocessedItems: { [TABLE]: requests } }));
    const store = new DynamoDbExposureStore(client, TABLE, { ...noSleep, maxAttempts: 3 });
    const failure = store.putRecords(records(7));
    await expect(failure).rejects.toBeInstanceOf(UnprocessedWritesError);
    await expect(failure).rejects.toMatchObject({ unprocessedCount: 7, code: 'service_unavailable' });
    expect(calls).toEqual([7, 7, 7]);
  });

  it('reports throttling as ServiceUnavailableError', async () => {
    const { client } = scriptedClient(() => {
      throw Object.assign(new Error('Rate exceeded'), {
        name: 'ProvisionedThroughputExceededException',
        $metadata: { httpStatusCode: 400 },
      });
    });
    await expect(new DynamoDbExposureStore(client, TABLE, noSleep).putRecords(records(1))).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
  });

  it('passes a validation error through unchanged (a bug, not an outage)', async () => {
    const validation = Object.assign(new Error('bad request'), {
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    const { client } = scriptedClient(() => {
      throw validation;
    });
    await expect(new DynamoDbExposureStore(client, TABLE, noSleep).putRecords(records(1))).rejects.toBe(validation);
  });
});
