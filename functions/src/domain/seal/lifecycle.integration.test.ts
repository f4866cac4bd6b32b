import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findFirstBreak } from '../../engines/hash-chain/hash-chain';
import { parseCrl, readSealCertificate, verifyChain, fromPem } from '../../engines/pki';
import { runRenewalJob } from '../../entry/jobs/renewal-job';
import { onLicenceChange } from './on-licence-change';
import { lifecycleDeps } from './deps';
import { authorizeSignature } from './authorize-signature';
import { addCompany, addPerson, api, grantHolder, passedFaceTicket, startHarness, type Harness } from '../../../test-support/lifecycle-harness';
import { testTable } from '../../../test-support/table';

const CO = '914403001922038216';
const PIN = '135790';
const DAY = 24 * 3600 * 1000;

let h: Harness;
let lr: { personId: string; token: string };
let holder: { personId: string; token: string };
let sealId: string;
let financeId: string;
let start: Date;

beforeAll(async () => {
  h = await startHarness();
  start = new Date();
  h.setNow(start);
  lr = await addPerson(h.services, '张三');
  holder = await addPerson(h.services, '李四');
  const { sealIds } = await addCompany(h.services, { companyId: CO, legalRepPersonId: lr.personId, kinds: ['contract', 'finance'] });
  [sealId, financeId] = sealIds as [string, string];
  await grantHolder(h.services, { companyId: CO, personId: holder.personId, sealIds: [sealId!] });
}, 120_000);
afterAll(() => h?.stop());

const ticket = (who: { personId: string }, action: Parameters<typeof passedFaceTicket>[2], target: { companyId?: string; sealIds?: string[] }) =>
  passedFaceTicket(h.services, who.personId, action, target);

async function root(): Promise<Uint8Array> {
  const res = await api(h.stack, 'GET', '/v1/pki/root');
  expect(res.status).toBe(200);
  return fromPem(Buffer.from(res.body).toString('utf8'))[0]!;
}

async function crlSerials(): Promise<string[]> {
  const res = await api(h.stack, 'GET', '/v1/pki/crl');
  expect(res.status).toBe(200);
  // Signature checked against the root: a forged CRL would throw here.
  return parseCrl(res.body, { issuerCertificate: await root() }).entries.map((e) => e.serialNumber);
}

async function auditOk(token: string) {
  const res = await api(h.stack, 'GET', `/v1/companies/${CO}/audit/verify`, token);
  expect(res.status).toBe(200);
  expect(res.body.firstBreak).toBeNull();
  expect(res.body.intact).toBe(true);
  return res.body;
}

async function seal(id: string) {
  return (await h.services.store.seals.get(id, { consistent: true }))!;
}

describe('the seal life cycle through the real handlers', () => {
  let firstSerial: string;

  it('claims a pending seal: face check, PIN twice, certificate chained to the platform root', async () => {
    const faceTicket = await ticket(lr, 'seal.claim', { sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, lr.token, { faceTicket, pin: PIN, pinConfirm: PIN });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe('证书下载成功!');
    expect(res.body.seal.state).toBe('active');
    const cert = fromPem(res.body.credential.certificate.pem)[0]!;
    const info = readSealCertificate(cert);
    expect(info).toMatchObject({ companyName: '深圳市测试科技有限公司', creditCode: CO, sealName: '合同专用章', sealKindLabel: '合同专用章', holderName: '张三', sealId });
    expect(info.keyUsages).toEqual(expect.arrayContaining(['digitalSignature', 'nonRepudiation']));
    expect(Math.round((info.notAfter.getTime() - info.notBefore.getTime()) / DAY)).toBeGreaterThanOrEqual(365);
    expect((await verifyChain({ certificate: cert, trustedRoots: [await root()], at: start })).trusted).toBe(true);
    firstSerial = info.serialNumber;
    // The local stack wrote the same root where `seal verify` looks for it.
    expect(fromPem(readFileSync(path.join(h.stack.dataDir, 'pki/platform-root.pem'), 'utf8'))[0]).toEqual(await root());
    const status = await api(h.stack, 'GET', `/v1/pki/certificates/${firstSerial}/status`);
    expect(status.body).toMatchObject({ known: true, status: 'valid', sealId });
  });

  it('refuses a second claim by the same person, a weak PIN, mismatched PINs and a used face ticket', async () => {
    const faceTicket = await ticket(lr, 'seal.claim', { sealIds: [sealId] });
    expect((await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, lr.token, { faceTicket, pin: PIN, pinConfirm: PIN })).body.code).toBe('ALREADY_CLAIMED');
    expect((await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, holder.token, { faceTicket, pin: '123456', pinConfirm: '123456' })).status).toBe(400);
    expect((await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, holder.token, { faceTicket, pin: PIN, pinConfirm: '246810' })).status).toBe(400);
    // A ticket bound to someone else (the legal representative) does not let the holder claim.
    expect((await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, holder.token, { faceTicket, pin: PIN, pinConfirm: PIN })).body.code).toBe('FACE_TICKET_INVALID');
  });

  it('lets an authorized holder claim the active seal too, and keeps a stranger out', async () => {
    const faceTicket = await ticket(holder, 'seal.claim', { sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, holder.token, { faceTicket, pin: '246813', pinConfirm: '246813' });
    expect(res.status).toBe(201);
    expect(res.body.credential.certificate.holderName).toBe('李四');
    const stranger = await addPerson(h.services, '王五');
    const t2 = await ticket(stranger, 'seal.claim', { sealIds: [financeId] });
    expect((await api(h.stack, 'POST', `/v1/seals/${financeId}/claim`, stranger.token, { faceTicket: t2, pin: PIN, pinConfirm: PIN })).body.code).toBe('NOT_AUTHORIZED');
  });

  it('changes the PIN: face check + current PIN → 修改成功; the old PIN stops working', async () => {
    const faceTicket = await ticket(lr, 'credential.change_pin', { sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/seals/${sealId}/pin`, lr.token, { faceTicket, currentPin: PIN, newPin: '975310', newPinConfirm: '975310' });
    expect(res.body).toEqual({ message: '修改成功' });
    await expect(authorizeSignature(h.services, { personId: lr.personId, sealId, pin: PIN, now: h.services.now() })).rejects.toMatchObject({ code: 'PIN_INCORRECT' });
    const ok = await authorizeSignature(h.services, { personId: lr.personId, sealId, pin: '975310', now: h.services.now() });
    expect(ok.certificateChain).toHaveLength(2);
  });

  it('resets a forgotten PIN: new key and certificate, the old certificate revoked and on the CRL', async () => {
    const faceTicket = await ticket(lr, 'credential.reset_pin', { sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/seals/${sealId}/pin/reset`, lr.token, { faceTicket, newPin: '864209', newPinConfirm: '864209' });
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('证书下载成功!');
    const newSerial = res.body.credential.certificate.serialNumber;
    expect(newSerial).not.toBe(firstSerial);
    expect(await crlSerials()).toContain(firstSerial);
    expect((await api(h.stack, 'GET', `/v1/pki/certificates/${firstSerial}/status`)).body.status).toBe('revoked');
    // Signed before the reset: still valid then.
    expect((await api(h.stack, 'GET', `/v1/pki/certificates/${firstSerial}/status?at=${encodeURIComponent(new Date(start.getTime() - 1000).toISOString())}`)).body.status).not.toBe('revoked');
    const creds = await h.services.store.credentials.ofSeal(sealId);
    expect(creds.filter((c) => c.personId === lr.personId).map((c) => c.state).sort()).toEqual(['active', 'superseded']);
    expect(creds.find((c) => c.state === 'superseded')!.keyRef).toBe('shredded');
    await authorizeSignature(h.services, { personId: lr.personId, sealId, pin: '864209', now: h.services.now() });
  });

  it('freezes (no signing, certificates untouched) and unfreezes', async () => {
    const faceTicket = await ticket(lr, 'seal.freeze', { companyId: CO, sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/companies/${CO}/seals/freeze`, lr.token, { faceTicket, sealIds: [sealId], reason: '公章遗失排查' });
    expect(res.body.results).toEqual([{ sealId, ok: true, state: 'frozen' }]);
    await expect(authorizeSignature(h.services, { personId: lr.personId, sealId, pin: '864209', now: h.services.now() })).rejects.toMatchObject({ code: 'SEAL_FROZEN' });
    const serials = await crlSerials();
    const live = (await h.services.store.credentials.ofSeal(sealId)).filter((c) => c.state === 'active');
    for (const c of live) expect(serials).not.toContain(c.serial);
    const again = await ticket(lr, 'seal.unfreeze', { companyId: CO, sealIds: [sealId] });
    const un = await api(h.stack, 'POST', `/v1/companies/${CO}/seals/unfreeze`, lr.token, { faceTicket: again, sealIds: [sealId], reason: '排查完毕' });
    expect(un.body.results[0].state).toBe('active');
  });

  it('renews: the daily job marks renewal_due 30 days before expiry and expired after; renew re-certifies', async () => {
    const before = (await h.services.store.credentials.ofSeal(sealId)).filter((c) => c.state === 'active');
    const notAfter = new Date(Math.min(...before.map((c) => new Date(c.notAfter).getTime())));
    h.setNow(new Date(notAfter.getTime() - 40 * DAY));
    expect((await runRenewalJob(h.services, { now: h.services.now() })).markedRenewalDue).not.toContain(sealId);
    h.setNow(new Date(notAfter.getTime() - 20 * DAY));
    const due = await runRenewalJob(h.services, { now: h.services.now() });
    expect(due.markedRenewalDue).toContain(sealId);
    expect((await seal(sealId)).state).toBe('renewal_due');
    // The legal representative (who claimed it) is reminded once, in 消息, with the expiry day and the way to renew.
    expect(due.reminded).toBeGreaterThanOrEqual(1);
    const sealName = (await seal(sealId)).name;
    const reminders = async () =>
      (await api(h.stack, 'GET', '/v1/notifications', lr.token)).body.items.filter(
        (n: { kind: string; body: string }) => n.kind === 'certificate_expiring' && n.body.includes(sealName),
      );
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({ title: '印章证书即将到期', target: 'renew', companyId: CO });
    expect(reminder.body).toContain('印章续期');
    expect(reminder.body).toMatch(/剩余(19|20)天/);
    // A second run the same day changes nothing and reminds nobody again.
    expect((await runRenewalJob(h.services, { now: h.services.now() })).markedRenewalDue).toEqual([]);
    expect(await reminders()).toHaveLength(1);
    h.setNow(new Date(notAfter.getTime() + 2 * DAY));
    expect((await runRenewalJob(h.services, { now: h.services.now() })).expired).toContain(sealId);
    await expect(authorizeSignature(h.services, { personId: lr.personId, sealId, pin: '864209', now: h.services.now() })).rejects.toMatchObject({ code: 'SEAL_EXPIRED' });

    // 续期 asks for the face check of exactly this seal.
    expect((await api(h.stack, 'POST', `/v1/companies/${CO}/seals/renew`, lr.token, { sealIds: [sealId] })).status).toBe(400);
    const faceTicket = await ticket(lr, 'seal.renew', { companyId: CO, sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/companies/${CO}/seals/renew`, lr.token, { faceTicket, sealIds: [sealId] });
    expect(res.body.results[0]).toMatchObject({ ok: true, state: 'active' });
    const after = (await h.services.store.credentials.ofSeal(sealId)).filter((c) => c.state === 'active');
    expect(after.map((c) => c.credentialId).sort()).toEqual(before.map((c) => c.credentialId).sort());
    const anchor = await root();
    for (const c of after) {
      expect(before.find((b) => b.credentialId === c.credentialId)!.serial).not.toBe(c.serial);
      const cert = new Uint8Array(Buffer.from(c.certificate, 'base64'));
      expect((await verifyChain({ certificate: cert, trustedRoots: [anchor], at: h.services.now() })).trusted).toBe(true);
    }
    expect((await seal(sealId)).expiresOn > notAfter.toISOString().slice(0, 10)).toBe(true);
    // Same key, same PIN: the holder need do nothing.
    await authorizeSignature(h.services, { personId: lr.personId, sealId, pin: '864209', now: h.services.now() });
  });

  it('revokes: final, every certificate on the CRL, the seal never signs again', async () => {
    const live = (await h.services.store.credentials.ofSeal(sealId)).filter((c) => c.state === 'active');
    const faceTicket = await ticket(lr, 'seal.revoke', { companyId: CO, sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/companies/${CO}/seals/revoke`, lr.token, { faceTicket, sealIds: [sealId], reason: { category: 'other', text: '不再使用' } });
    expect(res.body.results[0]).toMatchObject({ ok: true, state: 'revoked' });
    const serials = await crlSerials();
    for (const c of live) expect(serials).toContain(c.serial);
    expect((await h.services.store.credentials.ofSeal(sealId)).filter((c) => c.state === 'active')).toEqual([]);
    await expect(authorizeSignature(h.services, { personId: lr.personId, sealId, pin: '864209', now: h.services.now() })).rejects.toMatchObject({ code: 'SEAL_REVOKED' });
    const t2 = await ticket(lr, 'seal.unfreeze', { companyId: CO, sealIds: [sealId] });
    expect((await api(h.stack, 'POST', `/v1/companies/${CO}/seals/unfreeze`, lr.token, { faceTicket: t2, sealIds: [sealId], reason: '想要恢复' })).body.code).toBe('SEAL_REVOKED');
    expect((await api(h.stack, 'POST', `/v1/companies/${CO}/seals/revoke`, lr.token, { faceTicket: t2, sealIds: [sealId], reason: { category: 'other' } })).status).toBe(400);
  });

  it('on a licence change revokes every seal and ends every grant; the new legal representative re-applies online', async () => {
    const faceTicket = await ticket(lr, 'seal.claim', { sealIds: [financeId] });
    expect((await api(h.stack, 'POST', `/v1/seals/${financeId}/claim`, lr.token, { faceTicket, pin: PIN, pinConfirm: PIN })).status).toBe(201);
    const financeSerial = (await h.services.store.credentials.ofSeal(financeId))[0]!.serial;
    const newLr = await addPerson(h.services, '赵六');
    await testTable(h.services.store).set('company', { companyId: CO }, { legalRepPersonId: newLr.personId, legalRepName: '赵六' });
    const result = await onLicenceChange(h.services.store, { companyId: CO, changes: ['legal_representative_changed'], now: h.services.now() }, lifecycleDeps(h.services));
    expect(result.revokedSealIds).toEqual([financeId]);
    expect(result.endedGrantIds).toHaveLength(1);
    expect((await seal(financeId)).state).toBe('revoked');
    expect(await crlSerials()).toContain(financeSerial);
    const grants = (await h.services.store.grants.ofCompany(CO));
    expect(grants.every((g) => g.state === 'cancelled')).toBe(true);
    // Idempotent: the same notification again changes nothing.
    expect(await onLicenceChange(h.services.store, { companyId: CO, changes: ['legal_representative_changed'], now: h.services.now() })).toEqual({ revokedSealIds: [], endedGrantIds: [] });

    // The old legal representative may no longer act; the new one re-applies at once.
    const old = await ticket(lr, 'seal.change_online', { companyId: CO });
    expect((await api(h.stack, 'POST', `/v1/companies/${CO}/change`, lr.token, { faceTicket: old, kinds: ['contract'] })).body.code).toBe('NOT_AUTHORIZED');
    const t = await ticket(newLr, 'seal.change_online', { companyId: CO });
    const res = await api(h.stack, 'POST', `/v1/companies/${CO}/change`, newLr.token, { faceTicket: t, kinds: ['contract', 'finance'] });
    expect(res.status).toBe(201);
    expect(res.body.seals.map((s: { state: string }) => s.state)).toEqual(['pending_claim', 'pending_claim']);
    const t3 = await ticket(newLr, 'seal.change_online', { companyId: CO });
    expect((await api(h.stack, 'POST', `/v1/companies/${CO}/change`, newLr.token, { faceTicket: t3, kinds: ['contract'] })).body.code).toBe('ALREADY_EXISTS');
    const newSeal = res.body.seals[0].sealId;
    const t4 = await ticket(newLr, 'seal.claim', { sealIds: [newSeal] });
    const claim = await api(h.stack, 'POST', `/v1/seals/${newSeal}/claim`, newLr.token, { faceTicket: t4, pin: PIN, pinConfirm: PIN });
    expect(claim.body.credential.certificate.holderName).toBe('赵六');
  });

  it('keeps an intact audit chain of everything above, and reports a tampered event over the API', async () => {
    const currentLr = await addPersonAsLegalRep();
    expect((await api(h.stack, 'GET', `/v1/companies/${CO}/audit/verify`, lr.token)).body.code).toBe('NOT_AUTHORIZED');
    // The chainer on the table's stream links every event and timestamps the head (decision 0160).
    await h.stack.drainAuditStream();
    const report = await auditOk(currentLr.token);
    expect(report.pending).toBe(0);
    // Timestamped heads, at most one a minute of the platform clock (which this test moves): each checks out.
    expect(report.checkpoints.count).toBeGreaterThan(0);
    expect(report.checkpoints.firstBreak).toBeNull();
    const events = await h.services.store.audit.ofCompany(CO);
    expect(findFirstBreak(events)).toBeNull();
    expect(report.events).toBe(events.length);
    const actions = events.map((e) => e.action);
    for (const a of ['seal.claim', 'credential.change_pin', 'credential.reset_pin', 'seal.freeze', 'seal.unfreeze', 'seal.mark_renewal_due', 'seal.expire', 'seal.renew', 'seal.revoke', 'grant.end', 'seal.change']) {
      expect(actions).toContain(a);
    }
    // Tamper with one stored event (straight in the table) and ask again.
    const victim = events[3]!;
    await testTable(h.services.store).set('auditEvent', { companyId: CO, seq: victim.seq }, { reason: '被篡改的原因' });
    const res = await api(h.stack, 'GET', `/v1/companies/${CO}/audit/verify`, currentLr.token);
    expect(res.body.intact).toBe(false);
    expect(res.body.firstBreak).toEqual({ seq: victim.seq, problem: 'hash_mismatch' });
  });

  it('publishes the SM2 hierarchy beside it (?ca=sm2): its own root, and a CRL it signs that lists none of the P-256 revocations', async () => {
    const res = await api(h.stack, 'GET', '/v1/pki/root?ca=sm2');
    expect(res.status).toBe(200);
    const sm2Root = fromPem(Buffer.from(res.body).toString('utf8'))[0]!;
    expect(readSealCertificate(sm2Root).subject).toContain('SM2根CA');
    expect(Buffer.from(sm2Root).equals(Buffer.from(await root()))).toBe(false);
    const crl = await api(h.stack, 'GET', '/v1/pki/crl?ca=sm2');
    expect(crl.status).toBe(200);
    // Signature checked against the SM2 root; the P-256 seals revoked above are on the other CRL only.
    expect(parseCrl(crl.body, { issuerCertificate: sm2Root }).entries).toEqual([]);
    expect((await crlSerials()).length).toBeGreaterThan(0);
    const bad = await api(h.stack, 'GET', '/v1/pki/crl?ca=rsa');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('证书体系不正确');
  });
});

/** The company's current legal representative (changed above). */
async function addPersonAsLegalRep() {
  const data = await h.services.store.companies.get(CO);
  const { issueSessionToken } = await import('../identity/session-token');
  const { sessionSecret } = await import('../../config/config');
  return { token: await issueSessionToken(sessionSecret(h.services.config), { personId: data!.legalRepPersonId, sessionId: 'x', kind: 'phone', epoch: 0 }, h.services.now(), 3600) };
}
