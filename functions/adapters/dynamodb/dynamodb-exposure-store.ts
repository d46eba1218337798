import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isField, sortFieldsByRisk } from '../../core/fields';
import type { ExposureRecord, ExposureStore } from '../../core/ports';
import { mapDynamoDbError, UnprocessedWritesError } from './dynamodb-errors';
import { queryItems } from './query-items';

/*
 * Item model: partition `identifierHash`, sort `recordKey` = breachId#subjectId, plus breachId, subjectId and the
 * exposed `fields` (a list, risk-ordered). Re-importing writes the same keys, so imports are idempotent; several
 * records under one identifier (shared addresses, a second breach) are several items, united by the use case.
 */

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } };

export interface BatchWriteRetryOptions {
  /** Attempts per batch of 25, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Batches in flight at once. */
  concurrency?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const BATCH_WRITE_MAX_ITEMS = 25;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function exposureRecordKey(record: Pick<ExposureRecord, 'breachId' | 'subjectId'>): string {
  return `${record.breachId}#${record.subjectId}`;
}

export class DynamoDbExposureStore implements ExposureStore {
  private readonly retry: Required<BatchWriteRetryOptions>;

  constructor(
    private readonly client: Pick<DynamoDBDocumentClient, 'send'>,
    private readonly tableName: string,
    retry: BatchWriteRetryOptions = {},
  ) {
    this.retry = {
      maxAttempts: 8,
      baseDelayMs: 25,
      maxDelayMs: 2000,
      concurrency: 4,
      sleep: defaultSleep,
      random: Math.random,
      ...retry,
    };
  }

  async findByIdentifier(identifierHash: string): Promise<ExposureRecord[]> {
    const records: ExposureRecord[] = [];
    try {
      for await (const item of queryItems(this.client, {
        TableName: this.tableName,
        KeyConditionExpression: 'identifierHash = :identifierHash',
        ExpressionAttributeValues: { ':identifierHash': identifierHash },
      })) {
        records.push(toRecord(item));
      }
    } catch (error) {
      mapDynamoDbError(error);
    }
    return records;
  }

  async putRecords(records: readonly ExposureRecord[]): Promise<void> {
    // BatchWriteItem rejects a request naming one key twice, so the last write of a key wins before chunking.
    const byKey = new Map<string, WriteRequest>();
    for (const record of records) {
      const recordKey = exposureRecordKey(record);
      byKey.set(`${record.identifierHash}\u0000${recordKey}`, {
        PutRequest: {
          Item: {
            identifierHash: record.identifierHash,
            recordKey,
            breachId: record.breachId,
            subjectId: record.subjectId,
            fields: sortFieldsByRisk(record.fields),
          },
        },
      });
    }
    const requests = [...byKey.values()];
    const batches: WriteRequest[][] = [];
    for (let i = 0; i < requests.length; i += BATCH_WRITE_MAX_ITEMS) {
      batches.push(requests.slice(i, i + BATCH_WRITE_MAX_ITEMS));
    }
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        if (batch) await this.writeBatch(batch);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.retry.concurrency, batches.length) }, worker));
  }

  /** Writes one batch, retrying what DynamoDB leaves unprocessed with exponential backoff and full jitter. */
  private async writeBatch(batch: WriteRequest[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      let unprocessed: WriteRequest[];
      try {
        const result = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        unprocessed = (result.UnprocessedItems?.[this.tableName] ?? []) as WriteRequest[];
      } catch (error) {
        mapDynamoDbError(error);
      }
      if (unprocessed.length === 0) return;
      if (attempt >= this.retry.maxAttempts) throw new UnprocessedWritesError(unprocessed.length, attempt);
      pending = unprocessed;
      const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
      await this.retry.sleep(Math.floor(this.retry.random() * ceiling));
    }
  }
}

function toRecord(item: Record<string, unknown>): ExposureRecord {
  const fields = Array.isArray(item.fields) ? item.fields.filter(isField) : [];
  return {
    identifierHash: String(item.identifierHash),
    breachId: String(item.breachId),
    subjectId: String(item.subjectId),
    fields: sortFieldsByRisk(fields),
  };
}
