import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, sealDto } from '@seal/shared';
import { startLocalKms, type LocalKms } from '../../../dev/kms-server';
import { createPorts } from '../../composition';
import { bootstrapPlatformPki } from '../../domain/platform-pki/platform-ca';
import { linkPendingEvents } from '../../domain/audit/chain-trail';
import { exportTrailPage } from '../../domain/audit/export-trail';
import { toPem } from '../../engines/pki/pem';
import { formatBeijingDate } from '@seal/shared/time';
import { createTestTable } from '../../../test-support/dynamo';
import { main } from './seal';

const COMPANY = '91440300CLIAUDIT01';
const dir = mkdtempSync(join(tmpdir(), 'seal-audit-'));
let kms: LocalKms;
let trail: sealDto.AuditExport;
let rootPem: string;
let otherRootPem: string;

const run = async (...argv: string[]): Promise<{ code: number; out: string }> => {
  let out = '';
  const code = await main(argv, (s) => (out += s + '\n'));
  return { code, out };
};
/** Writes a variant of the export and verifies it against the platform root. */
const verify = async (variant: sealDto.AuditExport, ...extra: string[]) => {
  const file = join(dir, `export-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(variant));
  return run('audit', 'verify', file, '--trust', join(dir, 'root.pem'), ...extra);
};
const withEvents = (events: sealDto.AuditEventLink[]) => ({ ...trail, events });

beforeAll(async () => {
  kms = await startLocalKms({ port: 0 });
  const { tableName, endpoint } = await createTestTable();
  const ports = createPorts({ ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, KMS_ENDPOINT: kms.endpoint, AWS_REGION: 'us-east-1' });
  rootPem = toPem((await bootstrapPlatformPki(ports)).p256.root);
  writeFileSync(join(dir, 'root.pem'), rootPem);
  // Eight events in two rounds, each round linked and its head checkpointed by an export (which is itself an event).
  const commit = (i: number) => ports.store.commitWithAudit({ companyId: COMPANY, actorId: `person-${i}`, actorRole: 'seal_holder', action: 'seal.sign', subject: `document:${i}` }, []);
  const exportNow = () => exportTrailPage(ports, { actor: lr, companyId: COMPANY, query: { from: formatBeijingDate(Date.now() - 86_400_000), to: formatBeijingDate(Date.now()), limit: 1000 } });
  for (let i = 0; i < 4; i++) await commit(i);
  await linkPendingEvents(ports.store, COMPANY);
  await exportNow();
  for (let i = 4; i < 8; i++) await commit(i);
  await linkPendingEvents(ports.store, COMPANY);
  trail = JSON.parse(JSON.stringify(await exportNow())) as sealDto.AuditExport;
  writeFileSync(join(dir, 'export.json'), JSON.stringify(trail));

  const otherKms = await startLocalKms({ port: 0 });
  try {
    const other = await createTestTable();
    const otherPorts = createPorts({ ...process.env, TABLE_NAME: other.tableName, DYNAMODB_ENDPOINT: other.endpoint, KMS_ENDPOINT: otherKms.endpoint, AWS_REGION: 'us-east-1' });
    otherRootPem = toPem((await bootstrapPlatformPki(otherPorts)).p256.root);
    writeFileSync(join(dir, 'other-root.pem'), otherRootPem);
  } finally {
    await otherKms.stop();
  }
}, 120_000);
afterAll(() => kms.stop());
const lr: Actor = { personId: 'person-lr', legalRepresentativeOf: [COMPANY], grants: [] };

describe('seal audit verify (decision 0226)', () => {
  it('verifies a clean export: exit 0, in Chinese', async () => {
    expect(trail.events.length).toBeGreaterThan(8); // the eight, and the export's own event
    expect(trail.checkpoints.length).toBeGreaterThanOrEqual(2);
    const { code, out } = await run('audit', 'verify', join(dir, 'export.json'), '--trust', join(dir, 'root.pem'));
    expect(code).toBe(0);
    expect(out).toContain('审计记录校验结论：完整，未发现篡改');
    expect(out).toContain(`企业统一社会信用代码：${COMPANY}`);
    expect(out).toContain(`检查点：${trail.checkpoints.length} 个`);
    expect(out).not.toContain('断点');
  });

  it('answers --json with where the chain breaks', async () => {
    const clean = await verify(trail, '--json');
    expect(JSON.parse(clean.out)).toMatchObject({ schema: 'seal-audit-verification', version: 1, intact: true, breaks: [], events: trail.events.length });
    const { code, out } = await verify(withEvents(trail.events.filter((e) => e.seq !== 4)), '--json');
    expect(code).toBe(1);
    // Seq 4 was also a checkpoint's head: the checkpoint now names a link the chain lacks.
    expect(JSON.parse(out)).toMatchObject({
      intact: false,
      breaks: [
        { seq: 4, problem: 'sequence_gap', message: expect.stringContaining('缺失') },
        { seq: 4, problem: 'beyond_chain', message: expect.stringContaining('检查点') },
      ],
    });
  });

  it('catches a deleted event at its position', async () => {
    const { code, out } = await verify(withEvents(trail.events.filter((e) => e.seq !== 3)));
    expect(code).toBe(1);
    expect(out).toContain('审计记录校验结论：不完整，记录链已被改动');
    expect(out).toContain('断点：序号 3：序号不连续');
  });

  it('catches two events swapped at the first of them', async () => {
    const events = [...trail.events];
    [events[4], events[5]] = [events[5]!, events[4]!];
    const { code, out } = await verify(withEvents(events));
    expect(code).toBe(1);
    expect(out).toContain('断点：序号 5：序号不连续');
  });

  it('catches a changed event at its position', async () => {
    const { code, out } = await verify(withEvents(trail.events.map((e) => (e.seq === 6 ? { ...e, subject: 'document:forged' } : e))));
    expect(code).toBe(1);
    expect(out).toContain('断点：序号 6：哈希不符：该记录的内容被修改');
  });

  it('catches a forged checkpoint: another checkpoint\'s token, or a genuine one checked against another root', async () => {
    const [a, b] = trail.checkpoints;
    const forged = await verify({ ...trail, checkpoints: [{ ...a!, token: b!.token }, ...trail.checkpoints.slice(1)] });
    expect(forged.code).toBe(1);
    expect(forged.out).toContain(`断点：序号 ${a!.seq}：检查点：检查点的时间戳不是平台时间戳服务对该链头签发的`);
    const otherRoot = await run('audit', 'verify', join(dir, 'export.json'), '--trust', join(dir, 'other-root.pem'));
    expect(otherRoot.code).toBe(1);
    expect(otherRoot.out).toContain('检查点的时间戳不是平台时间戳服务对该链头签发的');
  });

  it('refuses a file that is not an export, exit 3', async () => {
    writeFileSync(join(dir, 'not-export.json'), JSON.stringify({ hello: 'world' }));
    const { code, out } = await run('audit', 'verify', join(dir, 'not-export.json'), '--trust', join(dir, 'root.pem'));
    expect(code).toBe(3);
    expect(out).toContain('无法校验：不是平台导出的审计记录文件');
  });

  it('has each checkpoint token accepted by openssl ts -verify, over the imprint computed here from the canonical JSON of the head', () => {
    for (const checkpoint of trail.checkpoints) {
      const tokenFile = join(dir, `checkpoint-${checkpoint.seq}.tst`);
      writeFileSync(tokenFile, Buffer.from(checkpoint.token, 'base64'));
      // Keys in sorted order, no spaces: {"chainId":…,"hash":…,"seq":…}.
      const imprint = createHash('sha256').update(`{"chainId":${JSON.stringify(COMPANY)},"hash":${JSON.stringify(checkpoint.hash)},"seq":${checkpoint.seq}}`).digest('hex');
      const verified = execFileSync('openssl', ['ts', '-verify', '-token_in', '-in', tokenFile, '-digest', imprint, '-CAfile', join(dir, 'root.pem')], { encoding: 'utf8' });
      expect(verified).toContain('Verification: OK');
      // The chain head's hash is what the last event of that seq carries.
      expect(trail.events.find((e) => e.seq === checkpoint.seq)?.hash).toBe(checkpoint.hash);
      // And openssl refuses the same token over another head.
      expect(() =>
        execFileSync('openssl', ['ts', '-verify', '-token_in', '-in', tokenFile, '-digest', 'ab'.repeat(32), '-CAfile', join(dir, 'root.pem')], { stdio: 'pipe' }),
      ).toThrow();
    }
  });
});
