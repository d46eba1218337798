/*
 * The one description of every DynamoDB table. The CDK data construct and the local stack (dynalite) both build
 * their tables from this, so the key schema cannot drift between deployed and local.
 * TTL attributes hold epoch seconds; TTL is only the garbage collector — every read checks expiry itself,
 * because DynamoDB deletes lazily and the local emulators never do.
 */

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface TableDefinition {
  /** Stable logical name: the key of the `TableNames` map and the CDK construct id. */
  key: TableKey;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  ttlAttribute?: string;
  globalSecondaryIndexes?: { indexName: string; partitionKey: KeyAttribute; sortKey?: KeyAttribute }[];
}

export type TableKey = 'exposures' | 'tokens' | 'counters' | 'audit' | 'assistRequests';
export type TableNames = Record<TableKey, string>;

export const TTL_ATTRIBUTE = 'expiresAt';

export const TABLE_DEFINITIONS: readonly TableDefinition[] = [
  {
    // identifierHash → one item per (breach, subject): re-imports overwrite the same item, a second breach adds items.
    key: 'exposures',
    partitionKey: { name: 'identifierHash', type: 'S' },
    sortKey: { name: 'recordKey', type: 'S' },
  },
  { key: 'tokens', partitionKey: { name: 'tokenHash', type: 'S' }, ttlAttribute: TTL_ATTRIBUTE },
  { key: 'counters', partitionKey: { name: 'counterKey', type: 'S' }, ttlAttribute: TTL_ATTRIBUTE },
  {
    // Partitioned by UTC day so a supervisor's date range is a handful of queries, newest first.
    key: 'audit',
    partitionKey: { name: 'auditDay', type: 'S' },
    sortKey: { name: 'auditKey', type: 'S' },
    ttlAttribute: TTL_ATTRIBUTE,
  },
  {
    key: 'assistRequests',
    partitionKey: { name: 'id', type: 'S' },
    ttlAttribute: TTL_ATTRIBUTE,
    globalSecondaryIndexes: [
      {
        indexName: 'byStatus',
        partitionKey: { name: 'status', type: 'S' },
        sortKey: { name: 'createdAt', type: 'N' },
      },
    ],
  },
];

/** Local table names: a prefix keeps several stacks (dev, tests) apart in one emulator. */
export function localTableNames(prefix = 'portal'): TableNames {
  return Object.fromEntries(TABLE_DEFINITIONS.map((t) => [t.key, `${prefix}-${t.key}`])) as TableNames;
}
