import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { UNAVAILABLE_ERROR_NAMES } from '../adapters/dynamodb/dynamodb-errors';
import { exposureRecordKey } from '../adapters/dynamodb/dynamodb-exposure-store';
import { sortFieldsByRisk } from '../core/fields';
import type { ExposureRecord } from '../core/ports';
import { ImportError } from './import-errors';

/*
 * The import's table writer (issue 15): BatchWriteItem requests of 25 items, `concurrency` of them in flight at once,
 * fed from a queue so the hashing workers and the writes overlap. Throttling (on-demand tables start near 4 000
 * writes/s and grow) comes back either as an exception or as UnprocessedItems; both are retried with exponential
 * backoff and full jitter, counted, and never dropped: a batch that keeps failing stops the import, and the checkpoint
 * (import-checkpoint.ts) makes the re-run continue after the last chunk that was completely written.
 *
 * Items are marshalled here directly (no lib-dynamodb layer): the same attributes DynamoDbExposureStore writes.
 */

export interface TableWriterOptions {
  /** BatchWriteItem requests in flight at once. */
  concurrency?: number;
  /** Attempts per batch, the first included, before the import stops (a re-run resumes). */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface TableWriterStats {
  itemsWritten: number;
  requests: number;
  /** Requests repeated because of throttling or UnprocessedItems. */
  retries: number;
}

export const BATCH_WRITE_ITEMS = 25;

function isRetryable(error: unknown): boolean {
  const shape = (error ?? {}) as { name?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  return (
    UNAVAILABLE_ERROR_NAMES.has(shape.name ?? '') ||
    Boolean(shape.$retryable) ||
    (shape.$metadata?.httpStatusCode ?? 0) >= 500
  );
}

/** The exposures item of one record, as DynamoDB JSON. */
export function exposurePutRequest(record: ExposureRecord): WriteRequest {
  return {
    PutRequest: {
      Item: {
        identifierHash: { S: record.identifierHash },
        recordKey: { S: exposureRecordKey(record) },
        breachId: { S: record.breachId },
        subjectId: { S: record.subjectId },
        fields: { L: sortFieldsByRisk(record.fields).map((field) => ({ S: field })) },
      },
    },
  };
}

interface Batch {
  requests: WriteRequest[];
  group: WriteGroup;
}

interface WriteGroup {
  pending: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class TableWriter {
  readonly stats: TableWriterStats = { itemsWritten: 0, requests: 0, retries: 0 };
  private readonly queue: Batch[] = [];
  private readonly options: Required<TableWriterOptions>;
  private active = 0;
  private failure: unknown;
  private roomWaiters: (() => void)[] = [];

  constructor(
    private readonly client: Pick<DynamoDBClient, 'send'>,
    private readonly tableName: string,
    options: TableWriterOptions = {},
  ) {
    this.options = {
      concurrency: 16,
      maxAttempts: 10,
      baseDelayMs: 50,
      maxDelayMs: 5_000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      ...options,
    };
  }

  /**
   * Queues the items; the promise settles when every one of them is stored. BatchWriteItem refuses a request that
   * names one key twice, so the last item of a key wins before the items are cut into batches.
   */
  write(records: readonly ExposureRecord[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const byKey = new Map<string, WriteRequest>();
    for (const record of records) {
      byKey.set(`${record.identifierHash}\u0000${exposureRecordKey(record)}`, exposurePutRequest(record));
    }
    const unique = [...byKey.values()];
    if (unique.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const group: WriteGroup = { pending: Math.ceil(unique.length / BATCH_WRITE_ITEMS), resolve, reject };
      for (let start = 0; start < unique.length; start += BATCH_WRITE_ITEMS) {
        this.queue.push({ requests: unique.slice(start, start + BATCH_WRITE_ITEMS), group });
      }
      this.pump();
    });
  }

  /** Resolves once the queue is short enough to accept more (keeps memory flat whatever the file size). */
  async waitForRoom(maxQueuedBatches = this.options.concurrency * 8): Promise<void> {
    while (this.queue.length > maxQueuedBatches && !this.failure) {
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
    if (this.failure) throw this.failure;
  }

  private pump(): void {
    while (this.active < this.options.concurrency && this.queue.length > 0 && !this.failure) {
      const batch = this.queue.shift() as Batch;
      this.active++;
      this.writeBatch(batch.requests).then(
        () => {
          this.active--;
          if (--batch.group.pending === 0) batch.group.resolve();
          this.wakeRoomWaiters();
          this.pump();
        },
        (error) => {
          this.active--;
          this.failure ??= error;
          batch.group.reject(error);
          // Nothing more is sent after a failure: the queued groups fail with it, and the checkpoint stays put.
          for (const queued of this.queue.splice(0)) queued.group.reject(error);
          this.wakeRoomWaiters();
        },
      );
    }
  }

  private wakeRoomWaiters(): void {
    for (const wake of this.roomWaiters.splice(0)) wake();
  }

  private async writeBatch(batch: WriteRequest[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      let unprocessed: WriteRequest[] = pending;
      this.stats.requests++;
      try {
        const result = await this.client.send(
          new BatchWriteItemCommand({ RequestItems: { [this.tableName]: pending } }),
        );
        unprocessed = result.UnprocessedItems?.[this.tableName] ?? [];
      } catch (error) {
        if (!isRetryable(error)) throw toImportError(error, this.tableName);
        if (attempt >= this.options.maxAttempts) throw toImportError(error, this.tableName);
      }
      this.stats.itemsWritten += pending.length - unprocessed.length;
      if (unprocessed.length === 0) return;
      if (attempt >= this.options.maxAttempts) {
        throw new ImportError(
          'table_throttled',
          `The table kept refusing writes (${unprocessed.length} items unprocessed after ${attempt} attempts). ` +
            'Raise its write capacity or warm throughput, or lower --concurrency, then re-run: the import resumes.',
        );
      }
      this.stats.retries++;
      pending = unprocessed;
      const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
      await this.options.sleep(Math.floor(this.options.random() * ceiling));
    }
  }
}

/** One line that names the problem and the fix; SDK messages are not copied (they may echo a key). */
export function toImportError(error: unknown, tableName: string): ImportError {
  const name = (error as { name?: string })?.name ?? 'Error';
  if (name === 'ResourceNotFoundException') {
    return new ImportError('table_not_found', `The table ${tableName} does not exist: check --table (and the region).`);
  }
  if (name === 'ValidationException') {
    return new ImportError(
      'table_rejected_items',
      `The table ${tableName} rejected the items (ValidationException): is it the exposures table (keys identifierHash, recordKey)?`,
    );
  }
  if (name === 'AccessDeniedException' || name === 'UnrecognizedClientException') {
    return new ImportError(
      'table_access_denied',
      `Not allowed to write to ${tableName} (${name}): use credentials with dynamodb:BatchWriteItem on it.`,
    );
  }
  if (isRetryable(error) || (error as { code?: string })?.code === 'ECONNREFUSED') {
    return new ImportError(
      'table_unavailable',
      `The table ${tableName} did not answer (${name}). Items written so far are kept: re-run the same command to resume.`,
    );
  }
  return new ImportError('table_write_failed', `Writing to ${tableName} failed (${name}). Re-run to resume.`);
}
