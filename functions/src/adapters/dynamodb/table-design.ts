/**
 * The single table's physical shape (docs/decisions/0002-table-design.md). Entities map their
 * access patterns onto these keys; the local stack and the CDK stack both create the table from
 * this declaration.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Epoch seconds; DynamoDB deletes challenges, face tickets and nonces after it. */
  timeToLiveAttribute: 'ttl',
} as const;

export const DEFAULT_TABLE_NAME = 'seal-platform';
