import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableNames } from '../../../contract/tables';
import { type Clock, systemClock } from '../../core/ports';
import { DynamoDbAssistRequestStore } from './dynamodb-assist-request-store';
import { DynamoDbAuditLog } from './dynamodb-audit-log';
import { DynamoDbCounterStore } from './dynamodb-counter-store';
import { type BatchWriteRetryOptions, DynamoDbExposureStore } from './dynamodb-exposure-store';
import { DynamoDbTokenStore } from './dynamodb-token-store';

export interface DynamoDbStoresOptions {
  /** Built once per process (functions/wiring, the local stack, tests) and shared by every store. */
  client: Pick<DynamoDBDocumentClient, 'send'>;
  tableNames: TableNames;
  clock?: Clock;
  batchWrite?: BatchWriteRetryOptions;
}

/** Every store port on DynamoDB (AWS or dynalite: the same code, only the client's endpoint differs). */
export function createDynamoDbStores({ client, tableNames, clock = systemClock, batchWrite }: DynamoDbStoresOptions) {
  return {
    exposures: new DynamoDbExposureStore(client, tableNames.exposures, batchWrite),
    tokens: new DynamoDbTokenStore(client, tableNames.tokens, clock),
    counters: new DynamoDbCounterStore(client, tableNames.counters, clock),
    audit: new DynamoDbAuditLog(client, tableNames.audit, clock),
    assistRequests: new DynamoDbAssistRequestStore(client, tableNames.assistRequests, clock),
  };
}

export type DynamoDbStores = ReturnType<typeof createDynamoDbStores>;
