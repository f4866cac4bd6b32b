import { startWindowHarness, type WindowHarness } from '../../../test-support/window-harness';
import { GmOpenssl } from '../../../test-support/gm/openssl';

let h: WindowHarness;
beforeAll(async () => {
  h = await startWindowHarness();
}, 120_000);
afterAll(() => h?.stop());

const apply = async (who: string, companyId: string, body: Record<string, unknown>) =>
  h.call('POST', `/v1/companies/${companyId}/seal-applications`, await h.token(who), body);

const startLicence = async (who: string, companyId: string) => h.call('POST', `/v1/companies/${companyId}/licence-authorizations`, await h.token(who));
const licenceResult = async (who: string, authorizationId: string, body: Record<string, unknown>) =>
  h.call('POST', `/v1/licence-authorizations/${authorizationId}/result`, await h.token(who), body);

/** The 电子营业执照 step as the phone walks it: start, present the licence (the simulated page's 授权), verified. */
async function licenceTicket(who: string, companyId: string): Promise<string> {
  const started = await startLicence(who, companyId);
  expect(started.status).toBe(201);
  const verified = await licenceResult(who, started.body.authorizationId, { presented: true });
  expect(verified.status).toBe(200);
  return verified.body.authorizationId;
}

describe('在线申请 (online apply)', () => {
  it('creates the chosen seals as pending_claim for the legal representative after a face check', async () => {
    const companyId = h.company('星河科技');
    const faceTicket = await h.faceTicket('lr-xinghe', 'seal.apply_online', { companyId });
    const res = await apply('lr-xinghe', companyId, { faceTicket, licenceTicket: await licenceTicket('lr-xinghe', companyId), kinds: ['contract', 'invoice'] });
    expect(res.status).toBe(201);
    expect(res.body.seals.map((s: { kind: string; state: string }) => [s.kind, s.state]).sort()).toEqual([
      ['contract', 'pending_claim'],
      ['invoice', 'pending_claim'],
    ]);
  });

  it('refuses to apply twice for a seal the company already has', async () => {
    const companyId = h.company('星河科技');
    const faceTicket = await h.faceTicket('lr-xinghe', 'seal.apply_online', { companyId });
    const res = await apply('lr-xinghe', companyId, { faceTicket, licenceTicket: await licenceTicket('lr-xinghe', companyId), kinds: ['contract'] });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('合同专用章');
  });

  it('refuses someone who is not the legal representative at the 电子营业执照 step, and at the application', async () => {
    const companyId = h.company('星河科技');
    const started = await startLicence('stranger', companyId);
    expect(started.status).toBe(403);
    expect(started.body).toEqual({ code: 'NOT_AUTHORIZED', message: '需商事主体负责人本人办理' });
    // Nor can they use the legal representative's verified licence.
    const theirs = await licenceTicket('lr-xinghe', companyId);
    const faceTicket = await h.faceTicket('stranger', 'seal.apply_online', { companyId });
    const res = await apply('stranger', companyId, { faceTicket, licenceTicket: theirs, kinds: ['finance'] });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'NOT_AUTHORIZED', message: '需商事主体负责人本人办理' });
    const lookedUp = await licenceResult('stranger', theirs, { presented: true });
    expect(lookedUp.body.code).toBe('LICENCE_TICKET_INVALID');
  });

  it('sends a partnership with several executive partners to the window before any check', async () => {
    const companyId = h.company('鹏程投资');
    // No face check is started for it either (a paid call for nothing).
    const token = await h.token('lr-pengcheng');
    const faceCheck = await h.call('POST', '/v1/face-checks', token, { action: 'seal.apply_online', target: { companyId } });
    expect(faceCheck.status).toBe(422);
    expect(faceCheck.body).toEqual({ code: 'WINDOW_REQUIRED', message: '执行事务合伙人为多个的合伙企业，需通过窗口办理印章申请' });
    const res = await startLicence('lr-pengcheng', companyId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('WINDOW_REQUIRED');
  });

  it('shows the verified licence, and refuses a declined presentation with the way to the window, once', async () => {
    const companyId = h.company('星河科技');
    const started = await startLicence('lr-xinghe', companyId);
    expect(started.body).toMatchObject({ company: { companyId, name: expect.stringContaining('星河科技') }, launch: { mode: 'simulated' } });
    const declined = await licenceResult('lr-xinghe', started.body.authorizationId, { presented: false });
    expect(declined.status).toBe(403);
    expect(declined.body.code).toBe('LICENCE_CHECK_FAILED');
    expect(declined.body.message).toContain('窗口');
    const retried = await licenceResult('lr-xinghe', started.body.authorizationId, { presented: true });
    expect(retried.body.code).toBe('LICENCE_TICKET_INVALID');

    const again = await startLicence('lr-xinghe', companyId);
    const verified = await licenceResult('lr-xinghe', again.body.authorizationId, { presented: true });
    expect(verified.body).toMatchObject({ state: 'verified', licence: { companyId, legalRepName: expect.any(String), companyTypeLabel: expect.any(String) } });
  });

  it('spends a licence authorization once', async () => {
    const companyId = h.company('华美国际');
    const ticket = await licenceTicket('lr-huamei', companyId);
    const first = await apply('lr-huamei', companyId, { faceTicket: await h.faceTicket('lr-huamei', 'seal.apply_online', { companyId }), licenceTicket: ticket, kinds: ['invoice'] });
    expect(first.status).toBe(201);
    const second = await apply('lr-huamei', companyId, { faceTicket: await h.faceTicket('lr-huamei', 'seal.apply_online', { companyId }), licenceTicket: ticket, kinds: ['contract'] });
    expect(second.status).toBe(403);
    expect(second.body.code).toBe('LICENCE_TICKET_INVALID');
  });

  it('sends a foreign-invested company wanting a Chinese-English name seal to the window', async () => {
    const companyId = h.company('华美国际');
    const faceTicket = await h.faceTicket('lr-huamei', 'seal.apply_online', { companyId });
    const res = await apply('lr-huamei', companyId, { faceTicket, licenceTicket: await licenceTicket('lr-huamei', companyId), kinds: ['company_name'], bilingualName: true });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('中英文法定名称章');
  });

  it('refuses without either proof, and with a face ticket for another action, writing nothing', async () => {
    const companyId = h.company('华美国际');
    const face = () => h.faceTicket('lr-huamei', 'seal.apply_online', { companyId });
    expect((await apply('lr-huamei', companyId, { kinds: ['finance'] })).status).toBe(400);
    const noLicence = await apply('lr-huamei', companyId, { faceTicket: await face(), kinds: ['finance'] });
    expect(noLicence.status).toBe(400);
    expect(noLicence.body.message).toContain('电子营业执照');
    const madeUp = await apply('lr-huamei', companyId, { faceTicket: await face(), licenceTicket: 'el-never-issued-0000', kinds: ['finance'] });
    expect(madeUp.body.code).toBe('LICENCE_TICKET_INVALID');
    const wrongAction = await h.faceTicket('lr-huamei', 'seal.freeze', { companyId });
    const refused = await apply('lr-huamei', companyId, { faceTicket: wrongAction, licenceTicket: await licenceTicket('lr-huamei', companyId), kinds: ['finance'] });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FACE_TICKET_INVALID');
    const unknown = await apply('lr-huamei', companyId, { faceTicket: 'ft-never-issued-0000', licenceTicket: await licenceTicket('lr-huamei', companyId), kinds: ['finance'] });
    expect(unknown.body.code).toBe('FACE_TICKET_INVALID');
    const tooLong = await licenceResult('lr-huamei', (await startLicence('lr-huamei', companyId)).body.authorizationId, { authCode: 'x'.repeat(600) });
    expect(tooLong.status).toBe(400);
    const data = await (await import('../../composition')).getServices().store.seals.ofCompany(companyId);
    expect(data.filter((s) => s.kind === 'finance')).toEqual([]);
  });

  it('gives a newly registered company its four standard seals without applying', async () => {
    const companyId = h.company('南山新创');
    const { getServices } = await import('../../composition');
    const data = await getServices().store.seals.ofCompany(companyId);
    expect(data.map((s) => [s.kind, s.state]).sort()).toEqual([
      ['company_name', 'pending_claim'],
      ['contract', 'pending_claim'],
      ['finance', 'pending_claim'],
      ['legal_representative_name', 'pending_claim'],
    ]);
    // A second look (here: the legal representative applying) neither duplicates nor re-creates them.
    const faceTicket = await h.faceTicket('lr-xinchuang', 'seal.apply_online', { companyId });
    const again = await apply('lr-xinchuang', companyId, { faceTicket, licenceTicket: await licenceTicket('lr-xinchuang', companyId), kinds: ['finance'] });
    expect(again.status).toBe(409);
    const after = await getServices().store.seals.ofCompany(companyId);
    expect(after).toHaveLength(4);
  });
});

describe('签名算法 chosen at the application (decision 0078)', () => {
  it('refuses an algorithm the platform does not offer, in Chinese, and writes nothing', async () => {
    const companyId = h.company('星河科技');
    const faceTicket = await h.faceTicket('lr-xinghe', 'seal.apply_online', { companyId });
    const res = await apply('lr-xinghe', companyId, { faceTicket, licenceTicket: await licenceTicket('lr-xinghe', companyId), kinds: ['finance'], sealAlgorithm: 'rsa-sha256' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('签名算法不正确');
    const { getServices } = await import('../../composition');
    expect((await getServices().store.seals.ofCompany(companyId)).filter((s) => s.kind === 'finance')).toEqual([]);
  });

  it('makes SM2 seals when the company chooses SM2: recorded, shown, and claimed with an SM2 certificate from the SM2 root', async () => {
    const companyId = h.company('星河科技');
    const faceTicket = await h.faceTicket('lr-xinghe', 'seal.apply_online', { companyId });
    const res = await apply('lr-xinghe', companyId, { faceTicket, licenceTicket: await licenceTicket('lr-xinghe', companyId), kinds: ['finance'], sealAlgorithm: 'sm2-sm3' });
    expect(res.status).toBe(201);
    expect(res.body.seals).toEqual([expect.objectContaining({ kind: 'finance', algorithm: 'sm2-sm3' })]);
    const sealId: string = res.body.seals[0].sealId;
    // Shown in the seal list beside the earlier seals, which kept the default.
    const list = await h.call('GET', `/v1/companies/${companyId}/seals`, await h.token('lr-xinghe'));
    const algorithmOf = (kind: string) => list.body.seals.find((s: { kind: string }) => s.kind === kind).algorithm;
    expect([algorithmOf('finance'), algorithmOf('invoice')]).toEqual(['sm2-sm3', 'ecdsa-p256-sha256']);

    const claimTicket = await h.faceTicket('lr-xinghe', 'seal.claim', { sealIds: [sealId] });
    const claimed = await h.call('POST', `/v1/seals/${sealId}/claim`, await h.token('lr-xinghe'), { faceTicket: claimTicket, pin: '135790', pinConfirm: '135790' });
    expect(claimed.status).toBe(201);
    expect(claimed.body.seal.algorithm).toBe('sm2-sm3');
    expect(claimed.body.credential.certificate.issuer).toContain('SM2根CA');
    // OpenSSL alone: an SM2 key, signed SM2-with-SM3, chaining to the SM2 root with the GM/T 0009 ID.
    const openssl = new GmOpenssl();
    try {
      openssl.file('seal.pem', claimed.body.credential.certificate.pem);
      openssl.file('sm2-root.pem', (await h.call('GET', '/v1/pki/root?ca=sm2')).bytes);
      const text = openssl.run(['x509', '-in', 'seal.pem', '-noout', '-text']).output;
      expect(text).toMatch(/Signature Algorithm: SM2-with-SM3/);
      expect(text).toMatch(/ASN1 OID: SM2/);
      expect(openssl.run(['verify', '-CAfile', 'sm2-root.pem', '-vfyopt', 'distid:1234567812345678', 'seal.pem']).output).toContain('seal.pem: OK');
    } finally {
      openssl.dispose();
    }
  });
});
