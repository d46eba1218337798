import { Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { type IKey, ViaServicePrincipal } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { RouteDefinition, TableCall } from '../contract/routes';
import type { TableKey } from '../contract/tables';

/*
 * Turns a route's `grants` (pure data in routes.ts) into IAM that names exactly the calls the function makes, on
 * exactly the resources it makes them on. Not the CDK's grantReadData / grantRead / grantSendMessages: those add
 * calls no code path makes (Scan, DeleteItem, DescribeSecret, GetQueueUrl …). The deploy rehearsal holds the
 * synthesized policies against the calls the deployed bundles really make (docs/rehearsal.md).
 */

export interface GrantableResources {
  tables: Record<TableKey, Table>;
  pepper: ISecret;
  emailQueue: IQueue;
  assistRequestKey: IKey;
  /** The value CloudFront sends to prove a request came through it; every HTTP function reads it (origin-guard.ts). */
  originSecret?: ISecret;
}

export function grantRouteAccess(
  grantee: IGrantable,
  grants: RouteDefinition['grants'],
  resources: GrantableResources,
): void {
  for (const [key, calls] of Object.entries(grants.tables ?? {}) as [TableKey, readonly TableCall[]][]) {
    grantTableCalls(grantee, resources.tables[key], calls);
  }
  if (grants.pepper) grantSecretValue(grantee, resources.pepper);
  if (grants.emailQueue) grantSendMessage(grantee, resources.emailQueue);
  if (grants.kms === 'encrypt') resources.assistRequestKey.grant(grantee, 'kms:Encrypt');
  if (grants.kms === 'decrypt') resources.assistRequestKey.grant(grantee, 'kms:Decrypt');
  // The origin secret has no key of its own (Secrets Manager's AWS-managed key): GetSecretValue is all it takes.
  if (resources.originSecret) grantSecretValue(grantee, resources.originSecret);
}

const WRITES: readonly TableCall[] = ['PutItem', 'UpdateItem'];

export function grantTableCalls(grantee: IGrantable, table: Table, calls: readonly TableCall[]): void {
  const onTable = calls.filter((call) => call !== 'QueryIndexes').map((call) => `dynamodb:${call}`);
  if (onTable.length > 0) {
    Grant.addToPrincipal({ grantee, actions: onTable, resourceArns: [table.tableArn] });
  }
  if (calls.includes('QueryIndexes')) {
    Grant.addToPrincipal({ grantee, actions: ['dynamodb:Query'], resourceArns: [`${table.tableArn}/index/*`] });
  }
  // DynamoDB uses the table's key on the caller's behalf: decrypt to read, and encrypt too to write.
  const writes = calls.some((call) => WRITES.includes(call));
  table.encryptionKey?.grant(grantee, 'kms:Decrypt', ...(writes ? ['kms:Encrypt', 'kms:GenerateDataKey*'] : []));
}

/** GetSecretValue on the pepper, and Decrypt on its key only through Secrets Manager (as Secret.grantRead does). */
function grantSecretValue(grantee: IGrantable, secret: ISecret): void {
  Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [secret.secretArn] });
  const region = Stack.of(secret).region;
  secret.encryptionKey?.grantDecrypt(
    new ViaServicePrincipal(`secretsmanager.${region}.amazonaws.com`, grantee.grantPrincipal),
  );
}

/** SendMessage on the mail queue; SQS encrypts the message with the queue's key on the sender's behalf. */
function grantSendMessage(grantee: IGrantable, queue: IQueue): void {
  Grant.addToPrincipal({ grantee, actions: ['sqs:SendMessage'], resourceArns: [queue.queueArn] });
  queue.encryptionMasterKey?.grant(grantee, 'kms:GenerateDataKey', 'kms:Decrypt');
}
