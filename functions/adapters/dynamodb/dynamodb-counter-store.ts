import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TTL_ATTRIBUTE } from '../../../contract/tables';
import { ServiceUnavailableError } from '../../core/errors';
import type { Clock, CounterStore, UseLog } from '../../core/ports';
import { isConditionalCheckFailed, mapDynamoDbError } from './dynamodb-errors';
import { isExpired, nowEpochSeconds } from './item-expiry';

/*
 * Rate-limit counters: one item per window key, `count` grown with ADD (atomic, no read first). TTL deletes an
 * expired window late or never (emulators), so an increment must not add to a stale count: it adds only while the
 * window is alive, and otherwise restarts the window at 1 with a second conditional write. A lost race between the
 * two simply goes round again.
 */

const MAX_INCREMENT_ROUNDS = 4;

export class DynamoDbCounterStore implements CounterStore {
  constructor(
    private readonly client: Pick<DynamoDBDocumentClient, 'send'>,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async increment(key: string, expiresAtEpochSeconds: number): Promise<number> {
    for (let round = 1; ; round++) {
      const now = nowEpochSeconds(this.clock.now());
      try {
        return await this.addToLiveWindow(key, expiresAtEpochSeconds, now);
      } catch (error) {
        if (!isConditionalCheckFailed(error)) mapDynamoDbError(error);
      }
      try {
        return await this.restartExpiredWindow(key, expiresAtEpochSeconds, now);
      } catch (error) {
        if (!isConditionalCheckFailed(error)) mapDynamoDbError(error);
        // Only sustained contention on one key gets here; the caller may retry like any other overload.
        if (round >= MAX_INCREMENT_ROUNDS) throw new ServiceUnavailableError();
      }
    }
  }

  async get(key: string): Promise<number> {
    try {
      const result = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: { counterKey: key }, ConsistentRead: true }),
      );
      const item = result.Item;
      if (!item || isExpired(Number(item[TTL_ATTRIBUTE]), this.clock.now())) return 0;
      return Number(item.count);
    } catch (error) {
      mapDynamoDbError(error);
    }
  }

  async readUseLog(key: string): Promise<UseLog> {
    try {
      const result = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: { counterKey: key }, ConsistentRead: true }),
      );
      const item = result.Item;
      if (!item) return { times: [], version: 0 };
      const expired = isExpired(Number(item[TTL_ATTRIBUTE]), this.clock.now());
      const times = Array.isArray(item.times) ? item.times.map(Number) : [];
      return { times: expired ? [] : times, version: Number(item.version ?? 0) };
    } catch (error) {
      mapDynamoDbError(error);
    }
  }

  /** One conditional PutItem: the version is the optimistic lock, so two parallel uses cannot both take a last slot. */
  async replaceUseLog(key: string, times: number[], expectedVersion: number, expiresAtEpochSeconds: number) {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { counterKey: key, times, version: expectedVersion + 1, [TTL_ATTRIBUTE]: expiresAtEpochSeconds },
          ConditionExpression:
            expectedVersion === 0 ? 'attribute_not_exists(counterKey)' : '#version = :expectedVersion',
          ...(expectedVersion === 0
            ? {}
            : {
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expectedVersion': expectedVersion },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      mapDynamoDbError(error);
    }
  }

  /** ADD to a live (or new) window, keeping the expiry it started with. */
  private addToLiveWindow(key: string, expiresAtEpochSeconds: number, now: number): Promise<number> {
    return this.updateWindow(key, expiresAtEpochSeconds, now, {
      update: 'ADD #count :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
      condition: 'attribute_not_exists(counterKey) OR #expiresAt > :now',
    });
  }

  /** Start the window again at 1 with the new expiry, only if the stored one has expired. */
  private restartExpiredWindow(key: string, expiresAtEpochSeconds: number, now: number): Promise<number> {
    return this.updateWindow(key, expiresAtEpochSeconds, now, {
      update: 'SET #count = :one, #expiresAt = :expiresAt',
      condition: '#expiresAt <= :now',
    });
  }

  private async updateWindow(
    key: string,
    expiresAtEpochSeconds: number,
    now: number,
    expressions: { update: string; condition: string },
  ): Promise<number> {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { counterKey: key },
        UpdateExpression: expressions.update,
        ConditionExpression: expressions.condition,
        ExpressionAttributeNames: { '#count': 'count', '#expiresAt': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':expiresAt': expiresAtEpochSeconds, ':now': now },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.count);
  }
}
