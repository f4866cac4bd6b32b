import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '@seal/shared';
import { startTestStack, loginAs, seedCompany, type ApiResponse, type TestStack } from '../../test-support/identity-stack';
import { getServices } from '../composition';
import { loadCompany } from '../domain/company/company-lookup';
import { starterSealId } from '../domain/application/starter-seals';
import { testTable } from '../../test-support/table';

/**
 * Issue #15, finding 8: to someone with no rights at a company, every route that names a company
 * (credit code) or a seal answers exactly the same whether it exists or not — so nobody learns which
 * credit codes are on the platform or which seal ids exist. Starter seals of new companies get ids
 * nobody can compute from the credit code; those made before keep their old ids.
 */
let t: TestStack;
const existingCompany = seedCompany('lr-xinchuang').creditCode; // newly registered: has starter seals
const unknownCompany = (() => {
  const first17 = '91440300MA5XWY7K3';
  return first17 + creditCodeCheckChar(first17);
})();
let starterSeal: string;
const legacySeal = `seal-${existingCompany}-finance_legacy`;
const FACE = 'ft_not_a_real_ticket_000000';
const SECRET = 'd'.repeat(43);

beforeAll(async () => {
  t = await startTestStack('enumeration');
  const services = getServices();
  await loadCompany(services, existingCompany);
  starterSeal = starterSealId(existingCompany, 'contract');
  // A seal of the old, guessable form (made before starter ids were keyed).
  const now = new Date().toISOString();
  await testTable(services.store).put('seal', { sealId: legacySeal, companyId: existingCompany, kind: 'finance', name: '财务专用章', state: 'active', createdAt: now, updatedAt: now });
}, 120_000);
afterAll(() => t?.stop());

type Probe = [what: string, method: string, path: string, body?: unknown];

/** Every person route that names a company or a seal, with a body that passes validation. */
function probes(companyId: string, sealId: string): Probe[] {
  const c = `/v1/companies/${companyId}`;
  const s = `/v1/seals/${sealId}`;
  return [
    ['印章列表', 'GET', `${c}/seals`],
    ['在线申请', 'POST', `${c}/seal-applications`, { faceTicket: FACE, kinds: ['contract'] }],
    ['自定义印章预览', 'POST', `${c}/custom-seals/preview`, { sealName: '测试专用章', template: 'round' }],
    ['接入凭证列表', 'GET', `${c}/integration/clients`],
    ['接入凭证重置', 'POST', `${c}/integration/clients/cl_unknown/secret`, { faceTicket: FACE }],
    ['接入凭证吊销', 'POST', `${c}/integration/clients/cl_unknown/revoke`, { faceTicket: FACE }],
    ['授权', 'POST', `${c}/grants`, { role: 'seal_holder', sealIds: [sealId], grantee: { name: '周杰', idNumber: '440304197012259016', phone: '13800000000' }, faceTicket: FACE }],
    ['取消授权', 'POST', `${c}/grants/g_unknown/cancel`],
    ['冻结', 'POST', `${c}/seals/freeze`, { faceTicket: FACE, sealIds: [sealId], reason: '测试冻结原因' }],
    ['解冻', 'POST', `${c}/seals/unfreeze`, { faceTicket: FACE, sealIds: [sealId], reason: '测试解冻原因' }],
    ['注销', 'POST', `${c}/seals/revoke`, { faceTicket: FACE, sealIds: [sealId], reason: { category: 'other', text: '测试' } }],
    ['续期', 'POST', `${c}/seals/renew`, { faceTicket: FACE, sealIds: [sealId] }],
    ['在线变更', 'POST', `${c}/change`, { faceTicket: FACE, kinds: ['contract'] }],
    ['审计链校验', 'POST', `${c}/audit/verify`],
    ['人脸核验（企业）', 'POST', '/v1/face-checks', { action: 'seal.apply_online', target: { companyId } }],
    ['人脸核验（印章）', 'POST', '/v1/face-checks', { action: 'seal.claim', target: { companyId, sealIds: [sealId] } }],
    ['扫码签章二维码', 'POST', '/v1/challenges', { purpose: 'sign', companyId, sealId, details: {} }],
    ['领取', 'POST', `${s}/claim`, { faceTicket: FACE, pin: '135790', pinConfirm: '135790' }],
    ['我的证书', 'GET', `${s}/credential`],
    ['修改签章密码', 'POST', `${s}/pin`, { faceTicket: FACE, currentPin: '135790', newPin: '246802', newPinConfirm: '246802' }],
    ['重置签章密码', 'POST', `${s}/pin/reset`, { faceTicket: FACE, newPin: '246802', newPinConfirm: '246802' }],
    ['Ukey绑定', 'POST', `${s}/ukey/bind`, { challengeId: 'ch_unknown', desktopSecret: SECRET }],
    ['Ukey解绑', 'POST', `${s}/ukey/unbind`, { challengeId: 'ch_unknown', desktopSecret: SECRET }],
  ];
}

const answer = (res: ApiResponse) => ({ status: res.status, code: res.body?.code, message: res.body?.message });

describe.each([
  ['someone of no company', 'stranger'],
  ['the legal representative of another company', 'lr-huamei'],
])('to %s', (_who, key) => {
  let token: string;
  beforeAll(async () => {
    token = await loginAs(t.api, key);
  });

  it.each([
    ['a keyed starter seal id', () => starterSeal],
    ['an old-form starter seal id', () => legacySeal],
  ])('answers alike for an existing company and %s as for ones that do not exist', async (_kind, seal) => {
    const existing = probes(existingCompany, seal());
    const absent = probes(unknownCompany, `seal-${randomUUID()}`);
    const differences: string[] = [];
    for (let i = 0; i < existing.length; i++) {
      const [what, method, path, body] = existing[i]!;
      const [, , absentPath, absentBody] = absent[i]!;
      const a = answer(await t.api(method, path, { token, body }));
      const b = answer(await t.api(method, absentPath, { token, body: absentBody }));
      expect(a.status).toBeGreaterThanOrEqual(400);
      expect(a.status).toBeLessThan(500);
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${what}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    expect(differences).toEqual([]);
  });
});

describe('starter seal ids', () => {
  it('cannot be computed from the credit code, and the seals made before keep their ids', async () => {
    const { store } = getServices();
    const seals = await store.seals.ofCompany(existingCompany);
    const ids = seals.map((s) => s.sealId);
    expect(ids).toContain(starterSeal);
    for (const id of ids.filter((i) => i !== legacySeal)) expect(id).not.toContain(existingCompany.slice(0, 10));
    expect(ids).toContain(legacySeal);
    const lr = await loginAs(t.api, 'lr-xinchuang');
    const listed = await t.api('GET', `/v1/companies/${existingCompany}/seals`, { token: lr });
    expect(listed.body.seals.map((s: { sealId: string }) => s.sealId)).toEqual(expect.arrayContaining([starterSeal, legacySeal]));
  });
});
