import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalKms, type LocalKms } from '../../../dev/kms-server';
import { readTableStream } from '../../../dev/local/table-stream';
import { createPorts } from '../../composition';
import { createAuditChainer } from '../../entry/jobs/audit-chain';
import { GENESIS_HASH, eventHash } from '../../engines/hash-chain/hash-chain';
import type { Ports } from '../../ports';
import type { AuditEventRecord } from '../../ports/seal-store';
import { createTestTable } from '../../../test-support/dynamo';
import { bootstrapPlatformPki } from '../platform-pki/platform-ca';
import { checkpointTrail, linkPendingEvents } from './chain-trail';
import { exportAuditTrail, verifyAuditTrail, verifyCompanyChain, type AuditTrailExport } from './verify-company-chain';

let kms: LocalKms;
let ports: Ports;
let tableName: string;
let endpoint: string;
let root: Uint8Array;

beforeAll(async () => {
  kms = await startLocalKms({ port: 0 });
  ({ tableName, endpoint } = await createTestTable());
  ports = createPorts({ ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, KMS_ENDPOINT: kms.endpoint, AWS_REGION: 'us-east-1' });
  root = (await bootstrapPlatformPki(ports)).p256.root;
});
afterAll(() => kms.stop());

const entry = (companyId: string, i: number) => ({
  companyId,
  actorId: `person-${i}`,
  actorRole: 'seal_holder',
  action: 'document.sign',
  subject: `document:${i}`,
});

/** A JSON round trip: what a person verifying offline holds. */
const exported = async (companyId: string): Promise<AuditTrailExport> => JSON.parse(JSON.stringify(await exportAuditTrail(ports.store, companyId)));

/** The chain re-linked from `from` on, consistently: what someone with write access to the table could make. */
function relinked(events: AuditEventRecord[], from: number): AuditEventRecord[] {
  let prev = from > 1 ? events[from - 2]!.hash : GENESIS_HASH;
  return events.map((e) => {
    if (e.seq < from) return e;
    const { prevHash: _p, hash: _h, ...facts } = e;
    const hash = eventHash(prev, facts);
    const link = { ...facts, prevHash: prev, hash };
    prev = hash;
    return link;
  });
}

describe('the audit trail: events written unchained, linked after the fact, checkpointed (decision 0160)', () => {
  it('lets 32 changes of one company commit at once, and the chainer on the table stream links each exactly once, in one intact chain', async () => {
    const company = '91440300AUDIT00001';
    const outcomes = await Promise.allSettled(Array.from({ length: 32 }, (_, i) => ports.store.commitWithAudit(entry(company, i), [])));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await ports.store.audit.ofCompany(company)).toEqual([]); // written, not linked yet
    expect(await ports.store.audit.pending(company, 100)).toHaveLength(32);

    const raw = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const stream = await readTableStream({ client: raw, endpoint, region: 'us-east-1', tableName, consumer: createAuditChainer(ports) });
    try {
      await stream.drain();
    } finally {
      await stream.stop();
      raw.destroy();
    }
    const report = await verifyCompanyChain(ports.store, company);
    expect(report).toMatchObject({ events: 32, intact: true, pending: 0, firstBreak: null, head: { seq: 32 } });
    expect(report.checkpoints).toMatchObject({ count: 1, latest: { seq: 32 }, firstBreak: null });
    const events = await ports.store.audit.ofCompany(company);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.subject)).size).toBe(32);
  });

  it('links every event once when two chainers run at once while changes keep coming', async () => {
    const company = '91440300AUDIT00002';
    const commits = (from: number) => Promise.all(Array.from({ length: 20 }, (_, i) => ports.store.commitWithAudit(entry(company, from + i), [])));
    await commits(0);
    await Promise.all([linkPendingEvents(ports.store, company), linkPendingEvents(ports.store, company), commits(100)]);
    await linkPendingEvents(ports.store, company);
    const report = await verifyCompanyChain(ports.store, company);
    expect(report).toMatchObject({ events: 40, intact: true, pending: 0 });
    expect(new Set((await ports.store.audit.ofCompany(company)).map((e) => e.subject)).size).toBe(40);
  });

  it('checkpoints a head only when it moved and the last checkpoint is older than the interval', async () => {
    const company = '91440300AUDIT00003';
    await ports.store.commitWithAudit(entry(company, 1), []);
    const head = await linkPendingEvents(ports.store, company);
    expect(await checkpointTrail(ports, company, head)).toBe(true);
    expect(await checkpointTrail(ports, company, head, 0)).toBe(false); // the head has not moved
    await ports.store.commitWithAudit(entry(company, 2), []);
    const moved = await linkPendingEvents(ports.store, company);
    expect(await checkpointTrail(ports, company, moved)).toBe(false); // moved, but within the minute
    expect(await checkpointTrail(ports, company, moved, 0)).toBe(true);
    expect((await ports.store.audit.checkpoints(company)).map((c) => c.seq)).toEqual([1, 2]);
  });

  describe('verified offline, from an export and the platform root alone', () => {
    const company = '91440300AUDIT00004';
    let trail: AuditTrailExport;

    beforeAll(async () => {
      for (let i = 0; i < 6; i++) await ports.store.commitWithAudit(entry(company, i), []);
      await checkpointTrail(ports, company, await linkPendingEvents(ports.store, company));
      trail = await exported(company);
    });

    it('is intact as exported', async () => {
      expect(await verifyAuditTrail(trail, [root])).toMatchObject({ intact: true, events: 6, firstBreak: null, checkpoints: { count: 1, firstBreak: null } });
    });

    it('finds an edited event', async () => {
      const events = trail.events.map((e) => (e.seq === 3 ? { ...e, subject: 'document:forged' } : e));
      expect(await verifyAuditTrail({ ...trail, events }, [root])).toMatchObject({ intact: false, firstBreak: { seq: 3, problem: 'hash_mismatch' } });
    });

    it('finds the chain cut after its checkpoint, which the chain alone cannot show', async () => {
      const report = await verifyAuditTrail({ ...trail, events: trail.events.slice(0, 4) }, [root]);
      expect(report.firstBreak).toBeNull();
      expect(report).toMatchObject({ intact: false, checkpoints: { firstBreak: { seq: 6, problem: 'beyond_chain' } } });
    });

    it('finds the chain rewritten consistently from an edited event on', async () => {
      const events = relinked(
        trail.events.map((e) => (e.seq === 2 ? { ...e, subject: 'document:forged' } : e)),
        2,
      );
      const report = await verifyAuditTrail({ ...trail, events }, [root]);
      expect(report.firstBreak).toBeNull();
      expect(report).toMatchObject({ intact: false, checkpoints: { firstBreak: { seq: 6, problem: 'hash_mismatch' } } });
    });

    it('refuses a checkpoint moved to a rewritten head, or checked against another root', async () => {
      const events = relinked(
        trail.events.map((e) => (e.seq === 2 ? { ...e, subject: 'document:forged' } : e)),
        2,
      );
      const checkpoints = trail.checkpoints.map((c) => ({ ...c, hash: events[5]!.hash }));
      expect(await verifyAuditTrail({ ...trail, events, checkpoints }, [root])).toMatchObject({
        intact: false,
        checkpoints: { firstBreak: { seq: 6, problem: 'token_invalid' } },
      });
      const otherRoot = (await bootstrapOtherRoot()).p256.root;
      expect(await verifyAuditTrail(trail, [otherRoot])).toMatchObject({ intact: false, checkpoints: { firstBreak: { seq: 6, problem: 'token_invalid' } } });
    });
  });
});

/** The root of another platform (its own KMS and table). */
async function bootstrapOtherRoot() {
  const otherKms = await startLocalKms({ port: 0 });
  try {
    const other = await createTestTable();
    return await bootstrapPlatformPki(
      createPorts({ ...process.env, TABLE_NAME: other.tableName, DYNAMODB_ENDPOINT: other.endpoint, KMS_ENDPOINT: otherKms.endpoint, AWS_REGION: 'us-east-1' }),
    );
  } finally {
    await otherKms.stop();
  }
}
