import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../core/errors';
import type { AssistRequestRecord, AssistRequestStatus, AssistRequestStore, Clock } from '../../core/ports';
import { isConditionalCheckFailed, mapDynamoDbError } from './dynamodb-errors';
import { nowEpochSeconds } from './item-expiry';
import { queryItems } from './query-items';
import { TTL_ATTRIBUTE } from './table-definitions';

/*
 * Assist requests hold only sealed (encrypted) customer details. The staff queue is the `byStatus` index
 * (status, createdAt): oldest first, expired requests filtered out because TTL may not have removed them yet.
 */

const BY_STATUS_INDEX = 'byStatus';

export class DynamoDbAssistRequestStore implements AssistRequestStore {
  constructor(
    private readonly client: Pick<DynamoDBDocumentClient, 'send'>,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async create(record: AssistRequestRecord): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(record),
          ConditionExpression: 'attribute_not_exists(id)',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new ConflictError('An assist request with this id already exists.');
      mapDynamoDbError(error);
    }
  }

  async listByStatus(status: AssistRequestStatus, limit: number): Promise<AssistRequestRecord[]> {
    const records: AssistRequestRecord[] = [];
    if (limit <= 0) return records;
    try {
      for await (const item of queryItems(this.client, {
        TableName: this.tableName,
        IndexName: BY_STATUS_INDEX,
        KeyConditionExpression: '#status = :status',
        FilterExpression: '#expiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status', '#expiresAt': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':status': status, ':now': nowEpochSeconds(this.clock.now()) },
        ScanIndexForward: true,
      })) {
        records.push(toRecord(item));
        if (records.length >= limit) return records;
      }
    } catch (error) {
      mapDynamoDbError(error);
    }
    return records;
  }

  async update(
    id: string,
    change: { status: AssistRequestStatus; note?: string; updatedAt: number; updatedBy: string },
  ): Promise<AssistRequestRecord | undefined> {
    const assignments = ['#status = :status', 'updatedAt = :updatedAt', 'updatedBy = :updatedBy'];
    if (change.note !== undefined) assignments.push('note = :note');
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { id },
          UpdateExpression: `SET ${assignments.join(', ')}`,
          // Unknown and expired ids fail the condition instead of creating a half item.
          ConditionExpression: 'attribute_exists(id) AND #expiresAt > :now',
          ExpressionAttributeNames: { '#status': 'status', '#expiresAt': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':status': change.status,
            ':updatedAt': change.updatedAt,
            ':updatedBy': change.updatedBy,
            ':now': nowEpochSeconds(this.clock.now()),
            ...(change.note === undefined ? {} : { ':note': change.note }),
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

function toItem(record: AssistRequestRecord): Record<string, unknown> {
  return {
    id: record.id,
    createdAt: record.createdAt,
    status: record.status,
    locale: record.locale,
    sealedDetails: record.sealedDetails,
    [TTL_ATTRIBUTE]: record.expiresAtEpochSeconds,
    ...(record.note === undefined ? {} : { note: record.note }),
    ...(record.updatedAt === undefined ? {} : { updatedAt: record.updatedAt }),
    ...(record.updatedBy === undefined ? {} : { updatedBy: record.updatedBy }),
  };
}

function toRecord(item: Record<string, unknown>): AssistRequestRecord {
  return {
    id: String(item.id),
    createdAt: Number(item.createdAt),
    status: item.status as AssistRequestStatus,
    locale: item.locale as AssistRequestRecord['locale'],
    sealedDetails: String(item.sealedDetails),
    expiresAtEpochSeconds: Number(item[TTL_ATTRIBUTE]),
    ...(typeof item.note === 'string' ? { note: item.note } : {}),
    ...(item.updatedAt === undefined ? {} : { updatedAt: Number(item.updatedAt) }),
    ...(typeof item.updatedBy === 'string' ? { updatedBy: item.updatedBy } : {}),
  };
}
