import { randomUUID } from 'node:crypto';
import { startTestStack, loginAs, passFaceCheck, seedCompany, seedPerson, type TestStack } from '../../../test-support/identity-stack';
import { createPorts, getServices } from '../../composition';
import { SimulatedFaceVerifier } from '../../../test-support/face';
import { testTable } from '../../../test-support/table';

let t: TestStack;
let token: string;
const companyId = seedCompany('lr-xinghe').creditCode;
const [sealA, sealB] = [`seal-${randomUUID()}`, `seal-${randomUUID()}`];
const grantee = () => {
  const p = seedPerson('holder');
  return { name: p.name, idNumber: p.idNumber, phone: p.phone };
};
const authorizeHolder = (sealIds: string[], faceTicket: string) =>
  t.api('POST', `/v1/companies/${companyId}/grants`, { token, body: { role: 'seal_holder', sealIds, grantee: grantee(), faceTicket } });

beforeAll(async () => {
  t = await startTestStack();
  const now = new Date().toISOString();
  for (const sealId of [sealA, sealB]) {
    await testTable(getServices().store).put('seal', { sealId, companyId, kind: 'contract', name: '合同专用章', state: 'active', createdAt: now, updatedAt: now });
  }
  token = await loginAs(t.api, 'lr-xinghe');
}, 120_000);
afterAll(() => t?.stop());

describe('face tickets', () => {
  it('are good for one use only', async () => {
    const ticket = await passFaceCheck(t.api, token, 'grant.authorize_holder', { companyId, sealIds: [sealA] });
    expect((await authorizeHolder([sealA], ticket)).status).toBe(201);
    const again = await authorizeHolder([sealA], ticket);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('FACE_TICKET_INVALID');
  });

  it('are refused for another action', async () => {
    const ticket = await passFaceCheck(t.api, token, 'grant.authorize_administrator', { companyId, sealIds: [sealA] });
    expect((await authorizeHolder([sealA], ticket)).body.code).toBe('FACE_TICKET_INVALID');
  });

  it('are refused for another seal', async () => {
    const ticket = await passFaceCheck(t.api, token, 'grant.authorize_holder', { companyId, sealIds: [sealA] });
    expect((await authorizeHolder([sealB], ticket)).body.code).toBe('FACE_TICKET_INVALID');
    expect((await authorizeHolder([sealA, sealB], ticket)).body.code).toBe('FACE_TICKET_INVALID');
  });

  it('are refused after five minutes', async () => {
    const ticket = await passFaceCheck(t.api, token, 'grant.authorize_holder', { companyId, sealIds: [sealA] });
    t.setNow(new Date(Date.now() + 5 * 60 * 1000 + 1000));
    try {
      expect((await authorizeHolder([sealA], ticket)).body.code).toBe('FACE_TICKET_INVALID');
    } finally {
      t.setNow(undefined);
    }
  });

  it('are refused when the face check failed or was never completed', async () => {
    const start = await t.api('POST', '/v1/face-checks', {
      token,
      body: { action: 'grant.authorize_holder', target: { companyId, sealIds: [sealA] } },
    });
    expect((await authorizeHolder([sealA], start.body.ticketId)).body.code).toBe('FACE_TICKET_INVALID');
    const failed = await t.api('POST', `/v1/face-checks/${start.body.ticketId}/result`, { token, body: { passed: false } });
    expect(failed.body.code).toBe('FACE_CHECK_FAILED');
    expect((await authorizeHolder([sealA], start.body.ticketId)).body.code).toBe('FACE_TICKET_INVALID');
  });

  it('are refused to someone else', async () => {
    const ticket = await passFaceCheck(t.api, token, 'grant.authorize_holder', { companyId, sealIds: [sealA] });
    const admin = await loginAs(t.api, 'stranger');
    const res = await t.api('POST', `/v1/face-checks/${ticket}/result`, { token: admin, body: { passed: true } });
    expect(res.body.code).toBe('FACE_TICKET_INVALID');
  });

  it('cannot be started for an action the person may not take', async () => {
    const stranger = await loginAs(t.api, 'stranger');
    const res = await t.api('POST', '/v1/face-checks', {
      token: stranger,
      body: { action: 'seal.freeze', target: { companyId, sealIds: [sealA] } },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_AUTHORIZED');
  });

  it('show the simulated check the identity it is for, never the full ID number', async () => {
    const res = await t.api('POST', '/v1/face-checks', { token, body: { action: 'seal.freeze', target: { companyId, sealIds: [sealA] } } });
    expect(res.body).toMatchObject({ mode: 'simulated', identity: { name: '张伟', idNumberMasked: '4403**********1235' } });
    expect(JSON.stringify(res.body)).not.toContain(seedPerson('lr-xinghe').idNumber);
  });
});

describe('the simulated face verifier', () => {
  it('refuses to start for a known ID number under another name, as the real-name check does, and leaves the rest to the tester', async () => {
    const verifier = new SimulatedFaceVerifier('dev', (id) => (id === '440305198001011235' ? '张伟' : undefined));
    const subject = (name: string, id: string) => ({ outSeqNo: 'ft-1', name, idNumber: async () => id });
    await expect(verifier.start(subject('张玮', '440305198001011235'))).rejects.toMatchObject({ code: 'FACE_CHECK_FAILED', message: expect.stringContaining('姓名与身份证号码不符') });
    await expect(verifier.start(subject('张伟', '440305198001011235'))).resolves.toEqual({});
    await expect(verifier.start(subject('任何人', '110101199003071234'))).resolves.toEqual({});
  });

  it('refuses to run in production', () => {
    expect(() => new SimulatedFaceVerifier('prod')).toThrow(expect.objectContaining({ code: 'PRODUCTION_FORBIDDEN' }));
    const production = createPorts({
      ...process.env,
      STAGE: 'prod',
      FACE_VERIFIER: 'simulated',
      WECHAT_AUTH: 'wechat',
      REGISTRY_HMAC_KEY: 'k'.repeat(32),
      PERSON_ID_KEY: 'k'.repeat(32),
      WECHAT_APP_ID: 'wx1',
      WECHAT_APP_SECRET: 's',
    });
    expect(
      () => production.faceVerifier,
    ).toThrow(expect.objectContaining({ code: 'PRODUCTION_FORBIDDEN' }));
  });
});
