import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  InputCompressionType,
  InputFormat,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_DEFINITIONS, type TableDefinition, type TableKey, type TableNames } from '../contract/tables';
import type { S3ImportSource } from './portal-settings';

/*
 * The data concern: one DynamoDB table per entry of TABLE_DEFINITIONS (the same list the local stack uses), all
 * on-demand, with point-in-time recovery, TTL, deletion protection and one customer-managed key, so a table dump
 * is useless without the key and the key's use is logged in CloudTrail. A second key protects what customers type
 * into the assisted-lookup form (DESIGN §2.7): the public function may only encrypt with it, staff functions decrypt.
 */

export interface PortalDataProps {
  /** Create the exposures table from `portal import --target s3-files` output (gzip DynamoDB JSON) in S3. */
  exposuresImportSource?: S3ImportSource;
  /** Import day: writes/s the exposures table absorbs at once (on-demand starts at 4 000; docs/import.md). */
  exposuresWarmWritesPerSecond?: number;
}

export class PortalData extends Construct {
  readonly tables: Record<TableKey, Table>;
  readonly tableKey: Key;
  /** Envelope key for assisted-lookup requests (name, callback number): Encrypt public, Decrypt staff only. */
  readonly assistRequestKey: Key;

  constructor(scope: Construct, id: string, props: PortalDataProps = {}) {
    super(scope, id);
    this.tableKey = new Key(this, 'TableKey', {
      description: 'Encrypts the portal tables (hashed identifiers, tokens, counters, audit, assist requests)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    this.assistRequestKey = new Key(this, 'AssistRequestKey', {
      description: 'Encrypts what customers type into the assisted-lookup form; only staff functions decrypt',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    const entries = TABLE_DEFINITIONS.map((definition) => [
      definition.key,
      definition.key === 'exposures'
        ? this.createTable(definition, props.exposuresImportSource, props.exposuresWarmWritesPerSecond)
        : this.createTable(definition, undefined, undefined),
    ]);
    this.tables = Object.fromEntries(entries) as Record<TableKey, Table>;
  }

  /** The physical table names, in the shape functions/wiring reads. */
  get tableNames(): TableNames {
    return Object.fromEntries(Object.entries(this.tables).map(([key, table]) => [key, table.tableName])) as TableNames;
  }

  private createTable(
    definition: TableDefinition,
    importSource: S3ImportSource | undefined,
    warmWritesPerSecond: number | undefined,
  ): Table {
    const table = new Table(this, pascalCase(definition.key), {
      partitionKey: { name: definition.partitionKey.name, type: attributeType(definition.partitionKey.type) },
      sortKey: definition.sortKey && { name: definition.sortKey.name, type: attributeType(definition.sortKey.type) },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: definition.ttlAttribute,
      deletionProtection: true,
      // Retained on stack deletion: closing down deletes data deliberately (docs/deploy.md), never by accident.
      removalPolicy: RemovalPolicy.RETAIN,
      // Raising it is a one-off charge and cannot be undone; it changes no data (no replacement).
      warmThroughput: warmWritesPerSecond === undefined ? undefined : { writeUnitsPerSecond: warmWritesPerSecond },
      importSource: importSource && {
        bucket: Bucket.fromBucketName(this, `${pascalCase(definition.key)}ImportBucket`, importSource.bucketName),
        keyPrefix: importSource.keyPrefix || undefined,
        inputFormat: InputFormat.dynamoDBJson(),
        compressionType: InputCompressionType.GZIP,
      },
    });
    for (const index of definition.globalSecondaryIndexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey.name, type: attributeType(index.partitionKey.type) },
        sortKey: index.sortKey && { name: index.sortKey.name, type: attributeType(index.sortKey.type) },
      });
    }
    return table;
  }
}

function attributeType(type: 'S' | 'N'): AttributeType {
  return type === 'S' ? AttributeType.STRING : AttributeType.NUMBER;
}

function pascalCase(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}
