import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { TABLE_KEYS } from './table-design';

// No entity import here: the archive writer reads stream images without carrying ElectroDB.

/** ElectroDB writes the entity's name into this attribute of every item. */
export const ENTITY_ATTRIBUTE = '__edb_e__';
export const AUDIT_ENTITY = 'auditEvent';

/** Table keys and ElectroDB's bookkeeping are storage, not the event: they stay out of the archive. */
const STORAGE_ATTRIBUTES = new Set<string>([
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  TABLE_KEYS.timeToLiveAttribute,
  ...TABLE_KEYS.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
]);

/** The audit event a table stream record carries, or undefined when the record is about another item. */
export function auditEventOf(record: DynamoDBRecord): Record<string, unknown> | undefined {
  const image = record.dynamodb?.NewImage;
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item[ENTITY_ATTRIBUTE] !== AUDIT_ENTITY) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.has(name) && !name.startsWith('__edb_')));
}
