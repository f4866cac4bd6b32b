import { randomUUID } from 'node:crypto';
import { startTestStack, loginAs, passFaceCheck, seedCompany, seedPerson, type TestStack } from '../../../test-support/identity-stack';
import { getServices } from '../../composition';
import { createGrant } from '../grant/create-grant';
import { sealPin } from '../credential/pin-hash';
import { consumeChallenge } from './poll-challenge';
import { testTable } from '../../../test-support/table';

let t: TestStack;
const companyId = seedCompany('lr-xinghe').creditCode;
const sealId = `seal-${randomUUID()}`;
let lr: string;
let stranger: string;
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

beforeAll(async () => {
  t = await startTestStack();
  const now = new Date().toISOString();
  await testTable(getServices().store).put('seal', { sealId, companyId, kind: 'contract', name: '合同专用章', state: 'active', createdAt: now, updatedAt: now });
  const admin = seedPerson('admin');
  await createGrant(getServices().store, {
    companyId,
    role: 'seal_administrator',
    sealIds: [sealId],
    grantee: admin,
    grantorId: seedPerson('lr-xinghe').personId,
    as: 'legal_representative',
    now: new Date(),
  });
  lr = await loginAs(t.api, 'lr-xinghe');
  stranger = await loginAs(t.api, 'stranger');
}, 120_000);
afterAll(() => t?.stop());

const newLoginChallenge = async () => (await t.api('POST', '/v1/login-challenges', { headers: { 'user-agent': CHROME } })).body;
const approveLogin = async (token: string, challengeId: string) => {
  const faceTicket = await passFaceCheck(t.api, token, 'session.login', { challengeId });
  return t.api('POST', `/v1/challenges/${challengeId}/approve`, { token, body: { faceTicket } });
};

describe('QR login of the desktop', () => {
  it('logs the desktop in as the person who approved on the phone, once', async () => {
    const c = await newLoginChallenge();
    expect(c.qrPayload).toBe(`sealqr:1:${c.challengeId}`);
    expect(c.qrPayload).not.toContain(c.desktopSecret);
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/poll`, { body: { desktopSecret: c.desktopSecret } })).body.state).toBe(
      'pending',
    );

    const summary = await t.api('GET', `/v1/challenges/${c.challengeId}`, { token: lr });
    expect(summary.body).toMatchObject({
      purpose: 'login',
      purposeLabel: '电脑端登录',
      proof: 'face',
      desktop: { location: '本地网络', browser: 'Chrome / Windows' },
    });

    expect((await approveLogin(lr, c.challengeId)).body.state).toBe('approved');
    const poll = await t.api('POST', `/v1/challenges/${c.challengeId}/poll`, { body: { desktopSecret: c.desktopSecret } });
    expect(poll.body.state).toBe('consumed');
    expect(poll.body.session.person.name).toBe('张伟');
    const me = await t.api('GET', '/v1/me', { token: poll.body.session.token });
    expect(me.body.person.name).toBe('张伟');
    // The session is handed out once.
    const again = await t.api('POST', `/v1/challenges/${c.challengeId}/poll`, { body: { desktopSecret: c.desktopSecret } });
    expect(again.body).toEqual({ state: 'consumed' });
  });

  it('refuses a second approval, even with a new face check', async () => {
    const c = await newLoginChallenge();
    expect((await approveLogin(lr, c.challengeId)).status).toBe(200);
    const newCheck = await t.api('POST', '/v1/face-checks', {
      token: stranger,
      body: { action: 'session.login', target: { challengeId: c.challengeId } },
    });
    expect(newCheck.body.code).toBe('CHALLENGE_USED');
    const res = await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, {
      token: stranger,
      body: { faceTicket: 'ft_aaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CHALLENGE_USED');
  });

  it('refuses an approval after two minutes', async () => {
    const c = await newLoginChallenge();
    const faceTicket = await passFaceCheck(t.api, lr, 'session.login', { challengeId: c.challengeId });
    t.setNow(new Date(Date.now() + 121_000));
    try {
      const res = await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, { token: lr, body: { faceTicket } });
      expect(res.status).toBe(410);
      expect(res.body.code).toBe('CHALLENGE_EXPIRED');
      expect((await t.api('POST', `/v1/challenges/${c.challengeId}/poll`, { body: { desktopSecret: c.desktopSecret } })).body.state).toBe(
        'expired',
      );
    } finally {
      t.setNow(undefined);
    }
  });

  it('tells another session polling the challenge nothing', async () => {
    const c = await newLoginChallenge();
    await approveLogin(lr, c.challengeId);
    const other = await newLoginChallenge();
    const res = await t.api('POST', `/v1/challenges/${c.challengeId}/poll`, { body: { desktopSecret: other.desktopSecret } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'CHALLENGE_NOT_FOUND', message: '二维码无效' });
    const unknown = await t.api('POST', `/v1/challenges/ch_doesnotexist/poll`, { body: { desktopSecret: other.desktopSecret } });
    expect(unknown.body).toEqual(res.body);
    // The rightful desktop still gets its session.
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/poll`, { body: { desktopSecret: c.desktopSecret } })).body.state).toBe(
      'consumed',
    );
  });

  it('refuses an approval without a face ticket for this very challenge', async () => {
    const c = await newLoginChallenge();
    const d = await newLoginChallenge();
    const ticketForD = await passFaceCheck(t.api, lr, 'session.login', { challengeId: d.challengeId });
    const res = await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, { token: lr, body: { faceTicket: ticketForD } });
    expect(res.body.code).toBe('FACE_TICKET_INVALID');
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, { token: lr, body: {} })).body.code).toBe('FACE_CHECK_REQUIRED');
  });

  it('lets the phone say no', async () => {
    const c = await newLoginChallenge();
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/reject`, { token: lr })).body.state).toBe('rejected');
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/poll`, { body: { desktopSecret: c.desktopSecret } })).body.state).toBe(
      'rejected',
    );
  });
});

describe('UKey binding confirmation', () => {
  const bind = (token: string) =>
    t.api('POST', '/v1/challenges', { token, body: { purpose: 'ukey_bind', companyId, sealId, details: { ukeySerial: 'UK-0001' } } });

  it('is started by the legal representative, and the administrator may confirm it', async () => {
    const c = (await bind(lr)).body;
    const admin = await loginAs(t.api, 'admin');
    const summary = await t.api('GET', `/v1/challenges/${c.challengeId}`, { token: admin });
    expect(summary.body).toMatchObject({
      purpose: 'ukey_bind',
      company: { name: '深圳市前海星河科技有限公司' },
      seal: { sealId, name: '合同专用章' },
      details: { ukeySerial: 'UK-0001' },
    });
    const faceTicket = await passFaceCheck(t.api, admin, 'ukey.confirm', { challengeId: c.challengeId });
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, { token: admin, body: { faceTicket } })).status).toBe(200);
    const desktop = { challengeId: c.challengeId, desktopSecret: c.desktopSecret, purpose: 'ukey_bind' as const };
    // Only the person whose desktop asked may use it; anyone else is refused and spends nothing.
    await expect(consumeChallenge(getServices(), { ...desktop, callerId: seedPerson('admin').personId })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    const used = await consumeChallenge(getServices(), { ...desktop, callerId: seedPerson('lr-xinghe').personId });
    expect(used.approverId).toBe(seedPerson('admin').personId);
    await expect(consumeChallenge(getServices(), { ...desktop, callerId: seedPerson('lr-xinghe').personId })).rejects.toMatchObject({
      code: 'CHALLENGE_USED',
    });
  });

  it('cannot be started by an administrator (only the legal representative and holders bind)', async () => {
    const admin = await loginAs(t.api, 'admin');
    expect((await bind(admin)).body.code).toBe('NOT_AUTHORIZED');
  });

  it('is neither shown to nor approved by someone without rights on the seal', async () => {
    const c = (await bind(lr)).body;
    expect((await t.api('GET', `/v1/challenges/${c.challengeId}`, { token: stranger })).status).toBe(403);
    expect(
      (
        await t.api('POST', '/v1/face-checks', {
          token: stranger,
          body: { action: 'ukey.confirm', target: { challengeId: c.challengeId } },
        })
      ).status,
    ).toBe(403);
    const res = await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, {
      token: stranger,
      body: { faceTicket: 'ft_aaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_AUTHORIZED');
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/poll`, { body: { desktopSecret: c.desktopSecret } })).body.state).toBe(
      'pending',
    );
  });
});

describe('web signing confirmation', () => {
  it('is approved with the signing PIN of the person whose desktop asked, and refused with a wrong PIN', async () => {
    const lrId = seedPerson('lr-xinghe').personId;
    const now = new Date().toISOString();
    const credentialId = `cred-${randomUUID()}`;
    await testTable(getServices().store).put('credential', {
        sealId,
        credentialId,
        companyId,
        personId: lrId,
        state: 'active',
        medium: 'phone',
        custody: 'kms-envelope',
        keyRef: 'k',
        publicKey: 'p',
        certificate: 'c',
        serial: '01',
        notBefore: now,
        notAfter: new Date(Date.now() + 365 * 86400_000).toISOString(),
        pinHash: await sealPin(getServices().pinKeys, credentialId, '135790'),
        createdAt: now,
      });
    const c = (
      await t.api('POST', '/v1/challenges', {
        token: lr,
        body: { purpose: 'sign', companyId, sealId, details: { documentName: '采购合同.pdf', pageCount: 3 } },
      })
    ).body;
    const summary = await t.api('GET', `/v1/challenges/${c.challengeId}`, { token: lr });
    expect(summary.body).toMatchObject({ proof: 'pin', details: { documentName: '采购合同.pdf', pageCount: 3 } });
    const admin = await loginAs(t.api, 'admin');
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, { token: admin, body: { pin: '135790' } })).body.code).toBe(
      'NOT_AUTHORIZED',
    );
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, { token: lr, body: { pin: '000000' } })).body.code).toBe(
      'PIN_INCORRECT',
    );
    expect((await t.api('POST', `/v1/challenges/${c.challengeId}/approve`, { token: lr, body: { pin: '135790' } })).body.state).toBe(
      'approved',
    );
    const used = await consumeChallenge(getServices(), { challengeId: c.challengeId, desktopSecret: c.desktopSecret, purpose: 'sign', callerId: lrId });
    expect(used.outcome.credentialId).toMatch(/^cred-/);
  });
});

describe('login QR creation', () => {
  it('is rate-limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await t.api('POST', '/v1/login-challenges')).status);
    expect(statuses).toContain(429);
  });
});
