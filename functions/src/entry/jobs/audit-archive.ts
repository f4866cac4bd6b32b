import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { TABLE_KEYS } from '../../adapters/dynamodb/table-design';
import { createObjectStore, type ObjectStore } from '../../adapters/s3/object-store';
import { logEvent } from '../../config/logger';

/** ElectroDB writes the entity's name into this attribute of every item. */
export const ENTITY_ATTRIBUTE = '__edb_e__';
export const AUDIT_ENTITY = 'auditEvent';

/** `audit/<companyId>/<seq zero-padded to 12>.json`: one immutable object per link of the hash chain. */
export function archiveKey(companyId: string, seq: number): string {
  return `audit/${companyId}/${String(seq).padStart(12, '0')}.json`;
}

/** Table keys and ElectroDB's bookkeeping are storage, not the event: they stay out of the archive. */
const STORAGE_ATTRIBUTES = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, TABLE_KEYS.timeToLiveAttribute, ...TABLE_KEYS.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);

/** The audit event a stream record carries, or undefined when the record is about another item. */
export function auditEventOf(record: DynamoDBRecord): Record<string, unknown> | undefined {
  const image = record.dynamodb?.NewImage;
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item[ENTITY_ATTRIBUTE] !== AUDIT_ENTITY) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.has(name) && !name.startsWith('__edb_')));
}

async function archive(store: ObjectStore, event: Record<string, unknown>): Promise<void> {
  const { companyId, seq } = event;
  if (typeof companyId !== 'string' || !/^[0-9A-Za-z_-]+$/.test(companyId) || !Number.isInteger(seq) || (seq as number) < 1) {
    throw new Error(`not a valid audit event: companyId=${String(companyId)} seq=${String(seq)}`);
  }
  // Never overwrite: a replayed stream record finds its object already there ('already-exists').
  // Object Lock buckets require an integrity checksum on every PUT: Content-MD5.
  await store.put(archiveKey(companyId, seq as number), JSON.stringify(event), { contentType: 'application/json', ifNoneMatch: '*', contentMd5: true });
}

/**
 * The stream consumer behind the audit archive (decision 0023): each new audit event of the table
 * becomes one object in the Object Lock bucket. Records that are not audit events are skipped
 * (the event-source filter normally keeps them away); a record that fails is reported alone, so
 * Lambda retries from it (and, after the retry limit, sends it to the failure queue) without
 * blocking the shard.
 */
export function createAuditArchiver(deps: { store: ObjectStore }) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const outcomes = await Promise.allSettled(
      event.Records.map(async (record) => {
        const audit = auditEventOf(record);
        if (audit) await archive(deps.store, audit);
      }),
    );
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') return;
      const itemIdentifier = event.Records[i]?.dynamodb?.SequenceNumber ?? '';
      logEvent('error', 'audit archive failed', { itemIdentifier, error: String(outcome.reason) });
      batchItemFailures.push({ itemIdentifier });
    });
    return { batchItemFailures };
  };
}

let archiver: ReturnType<typeof createAuditArchiver> | undefined;

/** The Lambda on the table's stream: `functions/src/entry/jobs/audit-archive.handler`. */
export function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const bucket = process.env.AUDIT_ARCHIVE_BUCKET;
  if (!bucket) throw new Error('AUDIT_ARCHIVE_BUCKET is not set');
  archiver ??= createAuditArchiver({ store: createObjectStore({ bucket, endpoint: process.env.S3_ENDPOINT, region: process.env.AWS_REGION ?? 'cn-north-1' }) });
  return archiver(event);
}
