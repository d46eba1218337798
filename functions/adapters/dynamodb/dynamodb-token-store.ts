import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TTL_ATTRIBUTE } from '../../../contract/tables';
import { ConflictError } from '../../core/errors';
import type { Clock, TokenRecord, TokenStore } from '../../core/ports';
import { isConditionalCheckFailed, mapDynamoDbError } from './dynamodb-errors';
import { nowEpochSeconds } from './item-expiry';

/*
 * Tokens are keyed by their SHA-256 hash (the token itself is never stored). `expiresAt` is the TTL attribute.
 * get() returns an expired record as it is, so the redeem use case can answer "expired" (410) rather than
 * "unknown" (404); markRedeemed itself refuses an expired token, so a forgotten check cannot redeem one.
 */

export class DynamoDbTokenStore implements TokenStore {
  constructor(
    private readonly client: Pick<DynamoDBDocumentClient, 'send'>,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async create(record: TokenRecord): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(record),
          ConditionExpression: 'attribute_not_exists(tokenHash)',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        // The SDK retries a write whose answer was lost; if the first attempt landed, the retry finds our own item.
        // A 256-bit token cannot collide with anyone else's, so that is success, not a conflict to report.
        const existing = await this.get(record.tokenHash);
        if (existing?.identifierHash === record.identifierHash && existing.createdAt === record.createdAt) return;
        throw new ConflictError('A token with this hash already exists.');
      }
      mapDynamoDbError(error);
    }
  }

  async get(tokenHash: string): Promise<TokenRecord | undefined> {
    try {
      const result = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: { tokenHash }, ConsistentRead: true }),
      );
      return result.Item ? toRecord(result.Item) : undefined;
    } catch (error) {
      mapDynamoDbError(error);
    }
  }

  async markRedeemed(tokenHash: string, redeemedAt: number, readableUntil: number): Promise<TokenRecord | undefined> {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { tokenHash },
          UpdateExpression: 'SET redeemedAt = :redeemedAt, readableUntil = :readableUntil',
          // Only the first redemption of a live token succeeds; the loser of a race gets undefined.
          ConditionExpression: 'attribute_exists(tokenHash) AND attribute_not_exists(redeemedAt) AND #expiresAt > :now',
          ExpressionAttributeNames: { '#expiresAt': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':redeemedAt': redeemedAt,
            ':readableUntil': readableUntil,
            ':now': nowEpochSeconds(this.clock.now()),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? toRecord(result.Attributes) : undefined;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      mapDynamoDbError(error);
    }
  }
}

function toItem(record: TokenRecord): Record<string, unknown> {
  return {
    tokenHash: record.tokenHash,
    identifierHash: record.identifierHash,
    identifierType: record.identifierType,
    locale: record.locale,
    createdAt: record.createdAt,
    [TTL_ATTRIBUTE]: record.expiresAtEpochSeconds,
    ...(record.redeemedAt === undefined ? {} : { redeemedAt: record.redeemedAt }),
    ...(record.readableUntil === undefined ? {} : { readableUntil: record.readableUntil }),
  };
}

function toRecord(item: Record<string, unknown>): TokenRecord {
  return {
    tokenHash: String(item.tokenHash),
    identifierHash: String(item.identifierHash),
    identifierType: item.identifierType as TokenRecord['identifierType'],
    locale: item.locale as TokenRecord['locale'],
    createdAt: Number(item.createdAt),
    expiresAtEpochSeconds: Number(item[TTL_ATTRIBUTE]),
    ...(item.redeemedAt === undefined ? {} : { redeemedAt: Number(item.redeemedAt) }),
    ...(item.readableUntil === undefined ? {} : { readableUntil: Number(item.readableUntil) }),
  };
}
