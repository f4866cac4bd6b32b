import { DomainError, sealDto, type Actor } from '@seal/shared';
import { startLocalKms, type LocalKms } from '../../../dev/kms-server';
import { createPorts } from '../../composition';
import type { Ports } from '../../ports';
import { createTestTable } from '../../../test-support/dynamo';
import { bootstrapPlatformPki } from '../platform-pki/platform-ca';
import { checkpointTrail, linkPendingEvents } from './chain-trail';
import { checkpointUnsealedHeads } from './checkpoint-heads';
import { exportTrailPage } from './export-trail';
import { listTrail } from './list-trail';
import { verifyAuditTrail } from './verify-company-chain';

let kms: LocalKms;
let ports: Ports;
let root: Uint8Array;

beforeAll(async () => {
  kms = await startLocalKms({ port: 0 });
  const { tableName, endpoint } = await createTestTable();
  ports = createPorts({ ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, KMS_ENDPOINT: kms.endpoint, AWS_REGION: 'us-east-1' });
  root = (await bootstrapPlatformPki(ports)).p256.root;
});
afterAll(() => kms.stop());

const COMPANY = '91440300EXPORT0001';
const legalRep: Actor = { personId: 'person-lr', legalRepresentativeOf: [COMPANY], grants: [] };
const entry = (companyId: string, i: number) => ({ companyId, actorId: `person-${i}`, actorRole: 'seal_holder', action: 'seal.sign', subject: `document:${i}` });
/** Ten events on each of three Beijing days, 1–3 November; a checkpoint after the first and second day's. */
async function threeDays(companyId: string): Promise<void> {
  for (const day of [1, 2, 3]) {
    for (let hour = 0; hour < 10; hour++) await ports.store.commitWithAudit(entry(companyId, day * 100 + hour), [], new Date(`2026-11-0${day}T0${hour}:30:00+08:00`));
    const head = await linkPendingEvents(ports.store, companyId);
    if (day < 3) await checkpointTrail(ports, companyId, head, 0);
  }
}
const exportsWritten = async (companyId: string) => (await ports.store.audit.pending(companyId, 100)).filter((e) => e.action === 'audit.export');

/** Every page of an export joined, as the desktop saves it. */
async function exportAll(companyId: string, actor: Actor, from: string, to: string, limit: number): Promise<sealDto.AuditExport> {
  const first = await exportTrailPage(ports, { actor, companyId, query: { from, to, limit } });
  const joined = { ...first, cursor: undefined };
  for (let cursor = first.cursor; cursor; ) {
    const page = await exportTrailPage(ports, { actor, companyId, query: { from, to, limit, cursor } });
    joined.events.push(...page.events);
    joined.checkpoints.push(...page.checkpoints);
    cursor = page.cursor;
  }
  return JSON.parse(JSON.stringify(joined)) as sealDto.AuditExport;
}

describe('导出审计记录 (decision 0225)', () => {
  beforeAll(() => threeDays(COMPANY));

  it('exports a range page by page into one trail that verifies offline, every link timestamped, and records the export once', async () => {
    const trail = await exportAll(COMPANY, legalRep, '2026-11-01', '2026-11-03', 7);
    expect(trail.events.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // The head (seq 30) had no checkpoint: the export made one, so nothing in the file is untimestamped.
    expect(trail.checkpoints.map((c) => c.seq)).toEqual([10, 20, 30]);
    expect(trail.certificates.root).toContain('BEGIN CERTIFICATE');
    expect(await verifyAuditTrail(trail, [root])).toMatchObject({ intact: true, events: 30, fromSeq: 1, anchored: true, untimestamped: 0 });
    expect(await exportsWritten(COMPANY)).toEqual([
      expect.objectContaining({ actorId: 'person-lr', actorRole: 'legal_representative', after: { from: '2026-11-01', to: '2026-11-03', fromSeq: 1, toSeq: 30 } }),
    ]);
  });

  it('exports one Beijing day as the contiguous part of the chain it holds, anchored by the checkpoint just before it', async () => {
    const trail = await exportAll(COMPANY, legalRep, '2026-11-02', '2026-11-02', 1000);
    expect(trail.events.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 11));
    expect(trail.checkpoints.map((c) => c.seq)).toEqual([10, 20]);
    expect(await verifyAuditTrail(trail, [root])).toMatchObject({ intact: true, fromSeq: 11, anchored: true, untimestamped: 0 });
    // Without that checkpoint the part still checks against itself, but says its start is not proven.
    expect(await verifyAuditTrail({ ...trail, checkpoints: trail.checkpoints.slice(1) }, [root])).toMatchObject({ intact: true, anchored: false });
    // A first link that does not follow the checkpoint before it is caught there.
    const [first, ...rest] = trail.events;
    expect(await verifyAuditTrail({ ...trail, events: [{ ...first!, prevHash: 'f'.repeat(64) }, ...rest] }, [root])).toMatchObject({
      intact: false,
      firstBreak: { seq: 11, problem: 'prev_hash_mismatch' },
      checkpoints: { firstBreak: { seq: 10, problem: 'hash_mismatch' } },
    });
  });

  it('exports a range with nothing in it as an empty trail', async () => {
    const trail = await exportAll(COMPANY, legalRep, '2025-01-01', '2025-01-31', 1000);
    expect(trail).toMatchObject({ events: [], checkpoints: [] });
  });

  it('refuses an administrator, a holder and a stranger, and writes nothing', async () => {
    const before = (await exportsWritten(COMPANY)).length;
    const others: Actor[] = [
      { personId: 'person-admin', legalRepresentativeOf: [], grants: [{ companyId: COMPANY, role: 'seal_administrator', sealIds: ['seal-1'] }] },
      { personId: 'person-holder', legalRepresentativeOf: [], grants: [{ companyId: COMPANY, role: 'seal_holder', sealIds: ['seal-1'] }] },
      { personId: 'person-other', legalRepresentativeOf: ['91440300OTHER00001'], grants: [] },
    ];
    for (const actor of others) {
      await expect(exportTrailPage(ports, { actor, companyId: COMPANY, query: { from: '2026-11-01', to: '2026-11-03', limit: 10 } })).rejects.toEqual(new DomainError('NOT_AUTHORIZED'));
      await expect(listTrail(ports.store, { actor, companyId: COMPANY, query: { limit: 5 } })).rejects.toEqual(new DomainError('NOT_AUTHORIZED'));
    }
    expect(await exportsWritten(COMPANY)).toHaveLength(before);
  });

  it('bounds the query: a range the wrong way round, over 366 days, pages over 1,000 links, a cursor that is not one', async () => {
    const parse = (q: Record<string, unknown>) => sealDto.AuditExportQuery.safeParse(q);
    expect(parse({ from: '2026-11-01', to: '2026-11-03' })).toMatchObject({ success: true, data: { limit: 1000 } });
    expect(parse({ from: '2026-11-03', to: '2026-11-01' }).success).toBe(false);
    expect(parse({ from: '2025-01-01', to: '2026-01-02' }).success).toBe(false);
    expect(parse({ from: '2026-11-01', to: '2026-11-03', limit: '1001' }).success).toBe(false);
    expect(parse({ from: '2026-11-01', to: '2026-11-03', cursor: 'x'.repeat(4097) }).success).toBe(false);
    // Cursors come sealed (http/cursor.ts); opened, anything but the platform's seqs is still refused.
    for (const cursor of ['5-x', '0-3', '5', '1e3-4'])
      await expect(exportTrailPage(ports, { actor: legalRep, companyId: COMPANY, query: { from: '2026-11-01', to: '2026-11-03', limit: 10, cursor } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(listTrail(ports.store, { actor: legalRep, companyId: COMPANY, query: { limit: 5, cursor: 'abc' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(parse({ from: '2026-13-45', to: '2026-11-03' }).success).toBe(false);
  });
});

describe('审计记录 (decision 0225)', () => {
  it('lists the links newest first, a page at a time', async () => {
    const first = await listTrail(ports.store, { actor: legalRep, companyId: COMPANY, query: { limit: 5 } });
    expect(first.items.map((e) => e.seq)).toEqual([30, 29, 28, 27, 26]);
    const next = await listTrail(ports.store, { actor: legalRep, companyId: COMPANY, query: { limit: 5, cursor: first.cursor } });
    expect(next.items.map((e) => e.seq)).toEqual([25, 24, 23, 22, 21]);
  });
});

describe('the checkpoint job (decision 0227)', () => {
  it('checkpoints every company whose chain has links no checkpoint covers, and then has nothing left to do', async () => {
    const quiet = '91440300QUIET00001';
    await ports.store.commitWithAudit(entry(quiet, 1), []);
    await linkPendingEvents(ports.store, quiet); // linked; the chainer's minute rule made no checkpoint
    const first = await checkpointUnsealedHeads(ports);
    expect(first.checkpointed).toContain(quiet);
    expect(first.failed).toEqual([]);
    expect((await ports.store.audit.checkpoints(quiet)).map((c) => c.seq)).toEqual([1]);
    expect(await checkpointUnsealedHeads(ports)).toEqual({ checkpointed: [], alreadySealed: [], failed: [] });
    // A new link marks it again; no new link, no new checkpoint.
    await ports.store.commitWithAudit(entry(quiet, 2), []);
    await linkPendingEvents(ports.store, quiet);
    expect((await checkpointUnsealedHeads(ports)).checkpointed).toEqual([quiet]);
    expect((await ports.store.audit.checkpoints(quiet)).map((c) => c.seq)).toEqual([1, 2]);
  });

  it('does a bounded amount of work per run: the rest waits for the next', async () => {
    const companies = Array.from({ length: 20 }, (_, i) => `91440300BOUND${String(i).padStart(5, '0')}`);
    for (const company of companies) {
      await ports.store.commitWithAudit(entry(company, 1), []);
      await linkPendingEvents(ports.store, company);
    }
    const done: string[] = [];
    for (let run = 0; run < 20 && done.length < companies.length; run++) {
      const report = await checkpointUnsealedHeads(ports, { perShard: 1 });
      expect(report.checkpointed.length).toBeLessThanOrEqual(8);
      done.push(...report.checkpointed);
    }
    expect(done.sort()).toEqual(companies);
  });
});
