import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { createObjectStore } from '../../adapters/s3/object-store';
import { sdkS3Client } from '../../../test-support/s3/sdk-client';
import { auditEventItem } from '../../../test-support/table';
import { archiveKey, createAuditArchiver } from './audit-archive';
import type { AuditEventRecord } from '../../ports/seal-store';
import { startConditionalS3rver } from '../../../test-support/conditional-s3rver';

const PORT = 47151;
const BUCKET = 'seal-audit-archive';
const COMPANY = '91440300MA5G0000X1';

let s3server: Awaited<ReturnType<typeof startConditionalS3rver>>;
// Written through the adapter, read back with the SDK's own client.
const s3 = () => sdkS3Client(s3server.endpoint);

beforeAll(async () => {
  s3server = await startConditionalS3rver(PORT, [BUCKET], { verifySignatures: true });
});
afterAll(() => s3server.stop());

/** An audit event as the table stream carries it. */
function auditItem(seq: number, overrides: Record<string, unknown> = {}) {
  return auditEventItem({
    companyId: COMPANY,
    seq,
    at: `2026-03-0${seq}T08:00:00.000Z`,
    actorId: 'person-legal-rep',
    actorRole: 'legal_representative',
    action: 'seal.freeze',
    subject: `seal:${seq}`,
    reason: '印章遗失',
    before: { state: 'active' },
    after: { state: 'frozen' },
    prevHash: `hash-${seq - 1}`,
    hash: `hash-${seq}`,
    ...overrides,
  } as AuditEventRecord);
}

let sequence = 1000;
function streamRecord(item: Record<string, unknown>): DynamoDBRecord {
  const image = marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true });
  return {
    eventID: `event-${sequence}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    awsRegion: 'cn-north-1',
    dynamodb: { Keys: { pk: image.pk!, sk: image.sk! } as never, NewImage: image as never, SequenceNumber: String(sequence++), StreamViewType: 'NEW_IMAGE' },
  };
}
const streamEvent = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

async function archived(key: string): Promise<{ body: Record<string, unknown>; etag?: string }> {
  const object = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return { body: JSON.parse(await object.Body!.transformToString()) as Record<string, unknown>, etag: object.ETag };
}

describe('the audit archive writer', () => {
  const archive = () => createAuditArchiver({ store: createObjectStore({ bucket: BUCKET, endpoint: s3server.endpoint, region: 'us-east-1' }) });

  it('writes each audit event as one JSON object keyed by company and zero-padded seq', async () => {
    const result = await archive()(streamEvent(streamRecord(auditItem(1)), streamRecord(auditItem(2))));
    expect(result.batchItemFailures).toEqual([]);
    expect(archiveKey(COMPANY, 2)).toBe(`audit/${COMPANY}/000000000002.json`);
    const { body } = await archived(`audit/${COMPANY}/000000000002.json`);
    expect(body).toEqual({
      companyId: COMPANY,
      seq: 2,
      at: '2026-03-02T08:00:00.000Z',
      actorId: 'person-legal-rep',
      actorRole: 'legal_representative',
      action: 'seal.freeze',
      subject: 'seal:2',
      reason: '印章遗失',
      before: { state: 'active' },
      after: { state: 'frozen' },
      prevHash: 'hash-1',
      hash: 'hash-2',
    });
    expect((await archived(`audit/${COMPANY}/000000000001.json`)).body).toMatchObject({ seq: 1, hash: 'hash-1' });
  });

  it('never overwrites an archived event: a replayed record leaves the object as it was and is no failure', async () => {
    await archive()(streamEvent(streamRecord(auditItem(3))));
    const before = await archived(archiveKey(COMPANY, 3));
    // The same link replayed, even with different content, cannot replace what was archived.
    const replay = await archive()(streamEvent(streamRecord(auditItem(3)), streamRecord(auditItem(3, { hash: 'forged' }))));
    expect(replay.batchItemFailures).toEqual([]);
    expect(await archived(archiveKey(COMPANY, 3))).toEqual(before);
    expect(before.body.hash).toBe('hash-3');
  });

  it('ignores records about items that are not audit events', async () => {
    // Shaped like an audit event (companyId, seq) but written by another entity.
    const other = streamRecord({ pk: '$seal#sealid_seal-ignored', sk: '$seal_1', __edb_e__: 'seal', __edb_v__: '1', sealId: 'seal-ignored', companyId: 'COMPANY-IGNORED', seq: 1 });
    const result = await archive()(streamEvent(other));
    expect(result.batchItemFailures).toEqual([]);
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'audit/COMPANY-IGNORED/' }));
    expect(listed.KeyCount ?? 0).toBe(0);
  });

  it('reports only the record that could not be archived, so the rest of the batch goes on', async () => {
    const broken = streamRecord({ ...auditItem(4), companyId: '../escape' });
    const fine = streamRecord(auditItem(5));
    const result = await archive()(streamEvent(broken, fine));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: broken.dynamodb!.SequenceNumber }]);
    expect((await archived(archiveKey(COMPANY, 5))).body.seq).toBe(5);
  });
});
