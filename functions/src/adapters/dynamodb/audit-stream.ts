import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { TABLE_KEYS } from './table-design';

// No entity import here: the archive writer reads stream images without carrying ElectroDB.

/** ElectroDB writes the entity's name into this attribute of every item. */
export const ENTITY_ATTRIBUTE = '__edb_e__';
export const AUDIT_ENTITY = 'auditEvent';
/** The entity of an audit event its change wrote, before the chainer links it (decision 0160). */
export const PENDING_AUDIT_ENTITY = 'auditPending';

/** Table keys and ElectroDB's bookkeeping are storage, not the event: they stay out of the archive. */
const STORAGE_ATTRIBUTES = new Set<string>([
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  TABLE_KEYS.timeToLiveAttribute,
  ...TABLE_KEYS.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
]);

function newItemOf(record: DynamoDBRecord): Record<string, unknown> | undefined {
  const image = record.dynamodb?.NewImage;
  return image ? unmarshall(image as Record<string, AttributeValue>) : undefined;
}

/** The company whose pending audit event a table stream record carries, or undefined when it is about another item. */
export function pendingAuditCompanyOf(record: DynamoDBRecord): string | undefined {
  const item = newItemOf(record);
  return record.eventName === 'INSERT' && item?.[ENTITY_ATTRIBUTE] === PENDING_AUDIT_ENTITY && typeof item.companyId === 'string' ? item.companyId : undefined;
}

/** The audit event a table stream record carries, or undefined when the record is about another item. */
export function auditEventOf(record: DynamoDBRecord): Record<string, unknown> | undefined {
  const item = newItemOf(record);
  if (item?.[ENTITY_ATTRIBUTE] !== AUDIT_ENTITY) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.has(name) && !name.startsWith('__edb_')));
}
