import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TTL_ATTRIBUTE } from '../../../contract/tables';
import { ConflictError } from '../../core/errors';
import type { AssistRequestRecord, AssistRequestStatus, AssistRequestStore, Clock } from '../../core/ports';
import { AssistRequestClaimedError } from '../../core/staff/staff-errors';
import { isConditionalCheckFailed, mapDynamoDbError } from './dynamodb-errors';
import { nowEpochSeconds } from './item-expiry';
import { queryItems } from './query-items';

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
    // The port's own parameter type, so a new field there reaches every adapter.
    change: Parameters<AssistRequestStore['update']>[1],
  ): Promise<AssistRequestRecord | undefined> {
    const assignments = ['#status = :status', 'updatedAt = :updatedAt', 'updatedBy = :updatedBy'];
    if (change.note !== undefined) assignments.push('note = :note');
    if (change.claim === 'take') assignments.push('#assignee = :updatedBy');
    // Unknown and expired ids fail the condition instead of creating a half item; a claim also needs the request to
    // be free or already this agent's, checked in the same write so two agents claiming at once cannot both win.
    const condition = `attribute_exists(id) AND #expiresAt > :now${
      change.claim ? ' AND (attribute_not_exists(#assignee) OR #assignee = :updatedBy)' : ''
    }`;
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { id },
          UpdateExpression: `SET ${assignments.join(', ')}${change.claim === 'release' ? ' REMOVE #assignee' : ''}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: {
            '#status': 'status',
            '#expiresAt': TTL_ATTRIBUTE,
            ...(change.claim ? { '#assignee': 'assignee' } : {}),
          },
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
      if (isConditionalCheckFailed(error)) {
        if (change.claim && (await this.isClaimedByOther(id, change.updatedBy))) throw new AssistRequestClaimedError();
        return undefined;
      }
      mapDynamoDbError(error);
    }
  }

  /** Why a conditional claim failed: someone else holds a live request (else it is unknown or expired). */
  private async isClaimedByOther(id: string, staffId: string): Promise<boolean> {
    try {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { id } }));
      if (!Item || Number(Item[TTL_ATTRIBUTE]) <= nowEpochSeconds(this.clock.now())) return false;
      return typeof Item.assignee === 'string' && Item.assignee !== staffId;
    } catch (error) {
      return mapDynamoDbError(error);
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
    ...(record.assignee === undefined ? {} : { assignee: record.assignee }),
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
    ...(typeof item.assignee === 'string' ? { assignee: item.assignee } : {}),
  };
}
