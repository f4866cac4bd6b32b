import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getServices } from '../../composition';
import { startWindowHarness, type WindowHarness } from '../../../test-support/window-harness';
import { REFERENCE_PATTERN } from './reference-number';
import { testTable } from '../../../test-support/table';
import { chainedTrail } from '../../../test-support/audit-trail';

let h: WindowHarness;
beforeAll(async () => {
  h = await startWindowHarness();
}, 120_000);
afterAll(() => h?.stop());

const store = () => getServices().store;
const XINGHE = '深圳市前海星河科技有限公司';

async function submit(who: string, body: Record<string, unknown>) {
  return h.call('POST', '/v1/applications', await h.token(who), body);
}
async function approve(applicationId: string, staff = 'window01', body: Record<string, unknown> = {}) {
  return h.call('POST', `/v1/staff/applications/${applicationId}/approve`, await h.staffToken(staff), body);
}
/** Arrange: seals already claimed and in use (claiming belongs to the life-cycle area). */
async function activeSeal(companyId: string, kind: 'company_name' | 'finance' | 'contract' | 'invoice', name: string) {
  const sealId = `seal-test-${kind}-${Math.random().toString(36).slice(2, 8)}`;
  const at = new Date().toISOString();
  await testTable(store()).put('seal', { sealId, companyId, kind, name, state: 'active', createdAt: at, updatedAt: at });
  return sealId;
}
const sealState = async (sealId: string) => (await store().seals.get(sealId))?.state;

describe('窗口办理 (window business)', () => {
  const pengcheng = () => ({ creditCode: h.company('鹏程投资'), name: '深圳市福田鹏程投资合伙企业（有限合伙）' });
  const xinghe = () => ({ creditCode: h.company('星河科技'), name: XINGHE });

  it('takes a window seal application with an authorization, shows it in the staff queue, and approval creates seals and grant', async () => {
    const holder = h.person('holder');
    const res = await submit('lr-pengcheng', {
      kind: 'apply',
      company: pengcheng(),
      kinds: ['company_name', 'finance'],
      grants: [{ role: 'seal_holder', grantee: { name: holder.name, idNumber: holder.idNumber, phone: holder.phone }, kinds: ['finance'] }],
    });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('submitted');
    expect(res.body.reference).toMatch(REFERENCE_PATTERN);
    const id = res.body.applicationId;

    const queue = await h.call('GET', '/v1/staff/applications?state=submitted', await h.staffToken());
    expect(queue.status).toBe(200);
    const seen = queue.body.items.find((a: { applicationId: string }) => a.applicationId === id);
    expect(JSON.stringify(seen.form)).toContain('鹏程投资');
    expect(JSON.stringify(seen.form)).not.toContain(holder.idNumber);

    const approved = await approve(id);
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');
    const seals = await store().seals.ofCompany(pengcheng().creditCode);
    expect(seals.map((s) => [s.kind, s.state]).sort()).toEqual([
      ['company_name', 'pending_claim'],
      ['finance', 'pending_claim'],
    ]);
    const grants = await store().grants.ofGrantee(holder.personId);
    const finance = seals.find((s) => s.kind === 'finance')!;
    expect(grants.map((g) => [g.companyId, g.role, g.sealIds, g.state])).toEqual([[pengcheng().creditCode, 'seal_holder', [finance.sealId], 'active']]);

    const mine = await h.call('GET', '/v1/applications/mine', await h.token('lr-pengcheng'));
    expect(mine.body.items[0]).toMatchObject({ applicationId: id, state: 'approved', stateLabel: '已通过' });
    const queueAfter = await h.call('GET', '/v1/staff/applications?state=submitted', await h.staffToken());
    expect(queueAfter.body.items.map((a: { applicationId: string }) => a.applicationId)).not.toContain(id);
  });

  it('produces a PDF form with the company name, the reference number and its QR code', async () => {
    const res = await submit('lr-xinghe', { kind: 'change', company: xinghe(), kinds: ['contract'] });
    expect(res.status).toBe(201);
    const pdf = await h.call('GET', `/v1/applications/${res.body.applicationId}/form.pdf`, await h.token('lr-xinghe'));
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'seal-form-'));
    const file = path.join(dir, 'form.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
    expect(text).toContain(XINGHE);
    expect(text).toContain(res.body.reference);
    expect(text).toContain('电子印章变更表');
    expect(text).toContain('合同专用章');
    // Renders (poppler draws the embedded subset font): a page image comes out.
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(dir, 'page')], { stdio: ['ignore', 'pipe', 'ignore'] });
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    // Another person cannot download it.
    const other = await h.call('GET', `/v1/applications/${res.body.applicationId}/form.pdf`, await h.token('stranger'));
    expect(other.status).toBe(404);
  });

  it('authorizes and cancels an authorization by window; only the legal representative may cancel', async () => {
    const companyId = xinghe().creditCode;
    const sealId = await activeSeal(companyId, 'contract', '合同专用章');
    const admin = h.person('admin');
    const auth = await submit('lr-xinghe', {
      kind: 'authorize',
      company: xinghe(),
      grants: [{ role: 'seal_administrator', grantee: { name: admin.name, idNumber: admin.idNumber, phone: admin.phone }, sealIds: [sealId], medium: 'ukey' }],
    });
    expect(auth.status).toBe(201);
    const done = await approve(auth.body.applicationId);
    expect(done.status).toBe(200);
    const grantId = (done.body.outcome.grantIds as string[])[0]!;
    expect((await store().grants.get(companyId, grantId))).toMatchObject({ state: 'active', role: 'seal_administrator', medium: 'ukey' });

    const byAdmin = await submit('admin', { kind: 'cancel_authorization', company: xinghe(), grantIds: [grantId] });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body).toEqual({ code: 'NOT_AUTHORIZED', message: '需商事主体负责人本人办理' });

    const cancel = await submit('lr-xinghe', { kind: 'cancel_authorization', company: xinghe(), grantIds: [grantId] });
    expect(cancel.status).toBe(201);
    expect((await approve(cancel.body.applicationId)).status).toBe(200);
    expect((await store().grants.get(companyId, grantId))?.state).toBe('cancelled');
  });

  it('freezes, unfreezes and revokes by window once staff approve', async () => {
    const companyId = xinghe().creditCode;
    const sealId = await activeSeal(companyId, 'finance', '财务专用章');
    const freeze = await submit('lr-xinghe', { kind: 'freeze', company: xinghe(), sealIds: [sealId], reason: '公章遗失待查' });
    expect(freeze.status).toBe(201);
    expect(await sealState(sealId)).toBe('active');
    expect((await approve(freeze.body.applicationId)).status).toBe(200);
    expect(await sealState(sealId)).toBe('frozen');

    const unfreeze = await submit('lr-xinghe', { kind: 'unfreeze', company: xinghe(), sealIds: [sealId], reason: '已查明原因' });
    expect((await approve(unfreeze.body.applicationId)).status).toBe(200);
    expect(await sealState(sealId)).toBe('active');

    const revoke = await submit('lr-xinghe', { kind: 'revoke', company: xinghe(), sealIds: [sealId], reason: { category: 'company_merged' } });
    expect((await approve(revoke.body.applicationId)).status).toBe(200);
    expect(await sealState(sealId)).toBe('revoked');

    // A revoked seal cannot be frozen: refused at submission.
    const again = await submit('lr-xinghe', { kind: 'freeze', company: xinghe(), sealIds: [sealId], reason: '再次冻结' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SEAL_REVOKED');
  });

  it('re-applies for seals by window change (变更) once approved', async () => {
    const res = await submit('lr-xinghe', { kind: 'change', company: xinghe(), kinds: ['invoice'] });
    expect((await approve(res.body.applicationId)).status).toBe(200);
    const data = await store().seals.ofCompany(xinghe().creditCode);
    expect(data.filter((s) => s.kind === 'invoice').map((s) => s.state)).toEqual(['pending_claim']);
  });

  it('takes the 中英文法定名称章 only from a foreign-invested company, and prints it on the form', async () => {
    const domestic = await submit('lr-xinghe', { kind: 'apply', company: xinghe(), kinds: ['company_name'], bilingualName: true });
    expect(domestic.status).toBe(400);
    expect(domestic.body.message).toBe('中英文法定名称章仅限外资企业申请');
    const huamei = { creditCode: h.company('华美国际'), name: '深圳华美国际贸易有限公司' };
    const withoutNameSeal = await submit('lr-huamei', { kind: 'apply', company: huamei, kinds: ['contract'], bilingualName: true });
    expect(withoutNameSeal.status).toBe(400);
    const res = await submit('lr-huamei', { kind: 'apply', company: huamei, kinds: ['company_name'], bilingualName: true });
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body.form)).toContain('中英文法定名称章');
  });

  it('rejects with a reason the applicant sees, and nothing changes', async () => {
    const sealId = await activeSeal(xinghe().creditCode, 'company_name', '法定名称章');
    const res = await submit('lr-xinghe', { kind: 'freeze', company: xinghe(), sealIds: [sealId], reason: '临时冻结' });
    const rejected = await h.call('POST', `/v1/staff/applications/${res.body.applicationId}/reject`, await h.staffToken(), { reason: '材料不齐全，请补充营业执照副本' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.state).toBe('rejected');
    expect(await sealState(sealId)).toBe('active');
    const seen = await h.call('GET', `/v1/applications/${res.body.applicationId}`, await h.token('lr-xinghe'));
    expect(seen.body).toMatchObject({ state: 'rejected', stateLabel: '已驳回', decisionReason: '材料不齐全，请补充营业执照副本' });
    const late = await approve(res.body.applicationId);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('APPLICATION_DECIDED');
  });

  it('lets exactly one of two staff approving at once win', async () => {
    const sealId = await activeSeal(xinghe().creditCode, 'contract', '合同专用章');
    const res = await submit('lr-xinghe', { kind: 'freeze', company: xinghe(), sealIds: [sealId], reason: '并发审核' });
    const version = res.body.version;
    const results = await Promise.all([approve(res.body.applicationId, 'window01', { expectedVersion: version }), approve(res.body.applicationId, 'window02', { expectedVersion: version })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await sealState(sealId)).toBe('frozen');
    const events = await chainedTrail(store(), xinghe().creditCode);
    expect(events.filter((e) => e.action === 'application.approve' && e.subject === `application:${res.body.applicationId}`)).toHaveLength(1);
    expect(events.filter((e) => e.action === 'seal.freeze' && e.subject === `seal:${sealId}`)).toHaveLength(1);
  });

  it('keeps the staff queue to window staff', async () => {
    const res = await h.call('GET', '/v1/staff/applications', await h.token('lr-xinghe'));
    expect(res.status).toBe(403);
  });
});
