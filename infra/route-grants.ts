import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { TableKey } from '../functions/adapters/dynamodb/table-definitions';
import type { RouteDefinition, TableAccess } from './routes';

/*
 * Turns a route's `grants` (pure data in routes.ts) into IAM, one CDK grant per line, so least privilege is
 * readable in code rather than in hand-written policy JSON. Anything a route does not name, its function cannot do.
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
  for (const [key, access] of Object.entries(grants.tables ?? {}) as [TableKey, TableAccess][]) {
    grantTableAccess(grantee, resources.tables[key], access);
  }
  if (grants.pepper) resources.pepper.grantRead(grantee);
  if (grants.emailQueue) resources.emailQueue.grantSendMessages(grantee);
  if (grants.kms === 'encrypt') resources.assistRequestKey.grantEncrypt(grantee);
  if (grants.kms === 'decrypt') resources.assistRequestKey.grantDecrypt(grantee);
  if (resources.originSecret) grantOriginSecretRead(grantee, resources.originSecret);
}

/** GetSecretValue alone (the AWSCURRENT and AWSPREVIOUS stages): no DescribeSecret, which no code path calls. */
export function grantOriginSecretRead(grantee: IGrantable, secret: ISecret): void {
  Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [secret.secretArn] });
}

export function grantTableAccess(grantee: IGrantable, table: Table, access: TableAccess): void {
  switch (access) {
    case 'read':
      table.grantReadData(grantee);
      return;
    case 'write':
      table.grantWriteData(grantee);
      return;
    case 'readWrite':
      table.grantReadWriteData(grantee);
      return;
    case 'append':
      grantAppend(grantee, table);
      return;
    case 'queryAndAppend':
      grantAppend(grantee, table);
      table.grant(grantee, 'dynamodb:Query');
      table.encryptionKey?.grantDecrypt(grantee);
      return;
  }
}

/** PutItem alone: the audit log can grow but no function can rewrite or remove what it holds. */
function grantAppend(grantee: IGrantable, table: Table): void {
  table.grant(grantee, 'dynamodb:PutItem');
  // DynamoDB encrypts the item with the table's key on the caller's behalf.
  table.encryptionKey?.grant(grantee, 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:Decrypt');
}
