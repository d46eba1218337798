import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { TTL_ATTRIBUTE } from '../../../contract/tables';
import { ConflictError } from '../../core/errors';
import type { AuditLog, AuditQuery, AuditRecord, Clock } from '../../core/ports';
import { auditDayOf, auditDaysNewestFirst, auditKeyOf, auditListLimit } from './audit-partitions';
import { isConditionalCheckFailed, mapDynamoDbError } from './dynamodb-errors';
import { nowEpochSeconds } from './item-expiry';
import { queryItems } from './query-items';

/*
 * Append-only audit log: PutItem refuses an existing key, and this adapter has no update or delete. The IAM grant
 * for handlers is PutItem only ('append' in contract/routes.ts), so the guarantee holds outside this code too.
 */

const OPTIONAL_TEXT = ['reason', 'ticket', 'subjectHash', 'detail'] as const;

export class DynamoDbAuditLog implements AuditLog {
  constructor(
    private readonly client: Pick<DynamoDBDocumentClient, 'send'>,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async append(record: AuditRecord): Promise<void> {
    const item: Record<string, unknown> = {
      auditDay: auditDayOf(record.at),
      auditKey: auditKeyOf(record.at, record.id),
      id: record.id,
      at: record.at,
      staffId: record.staffId,
      role: record.role,
      action: record.action,
      outcome: record.outcome,
      [TTL_ATTRIBUTE]: record.expiresAtEpochSeconds,
    };
    for (const name of OPTIONAL_TEXT) if (record[name] !== undefined) item[name] = record[name];
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(auditKey)',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error))
        throw new ConflictError('An audit record with this id and time already exists.');
      mapDynamoDbError(error);
    }
  }

  /** Newest first across the UTC days of [from, to], one query per day, stopping once `limit` records are found. */
  async list(query: AuditQuery): Promise<AuditRecord[]> {
    const limit = auditListLimit(query.limit);
    const now = nowEpochSeconds(this.clock.now());
    const records: AuditRecord[] = [];
    const filters = ['#expiresAt > :now', ...(query.staffId === undefined ? [] : ['staffId = :staffId'])];
    try {
      for (const day of auditDaysNewestFirst(query.from, query.to)) {
        for await (const item of queryItems(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'auditDay = :day AND auditKey BETWEEN :fromKey AND :toKey',
          FilterExpression: filters.join(' AND '),
          ExpressionAttributeNames: { '#expiresAt': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':day': day,
            ':fromKey': new Date(query.from).toISOString(),
            // '#' sorts below every id character we use, '~' above: the bound includes every id at `to`.
            ':toKey': `${new Date(query.to).toISOString()}#~`,
            ':now': now,
            ...(query.staffId === undefined ? {} : { ':staffId': query.staffId }),
          },
          ScanIndexForward: false,
        })) {
          records.push(toRecord(item));
          if (records.length >= limit) return records;
        }
      }
    } catch (error) {
      mapDynamoDbError(error);
    }
    return records;
  }
}

function toRecord(item: Record<string, unknown>): AuditRecord {
  const record: AuditRecord = {
    id: String(item.id),
    at: Number(item.at),
    staffId: String(item.staffId),
    role: item.role as AuditRecord['role'],
    action: String(item.action),
    outcome: item.outcome as AuditRecord['outcome'],
    expiresAtEpochSeconds: Number(item[TTL_ATTRIBUTE]),
  };
  for (const name of OPTIONAL_TEXT) if (typeof item[name] === 'string') record[name] = item[name];
  return record;
}
