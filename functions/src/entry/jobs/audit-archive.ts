import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { auditEventOf } from '../../adapters/dynamodb/audit-stream';
import { createObjectStore, type ObjectStore } from '../../adapters/s3/object-store';
import { logEvent } from '../../config/logger';

/** `audit/<companyId>/<seq zero-padded to 12>.json`: one immutable object per link of the hash chain. */
export function archiveKey(companyId: string, seq: number): string {
  return `audit/${companyId}/${String(seq).padStart(12, '0')}.json`;
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
