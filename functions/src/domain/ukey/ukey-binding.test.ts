import { buildWorld, startMatrixStack, type MatrixWorld } from '../../../test-support/matrix-harness';
import type { TestStack } from '../../../test-support/identity-stack';
import { ukeyFlow } from '../../../test-support/matrix-rows/credentials';
import { BYSTANDER_KEY } from '../../../test-support/matrix-harness';
import { loginAs, seedPerson } from '../../../test-support/identity-stack';
import { createGrant } from '../grant/create-grant';

let t: TestStack;
let w: MatrixWorld;
beforeAll(async () => {
  t = await startMatrixStack();
  w = await buildWorld(t, { spares: 10 });
}, 120_000);
afterAll(() => t?.stop());

const lrId = () => w.personIds.legal_representative!;

async function credentialOf(sealId: string, personId: string) {
  const data = await w.store.credentials.ofSeal(sealId);
  return data.find((c) => c.personId === personId && c.state === 'active')!;
}

async function auditActions(): Promise<{ action: string; after: unknown; actorId: string }[]> {
  const data = await w.store.audit.ofCompany(w.companyId);
  return data.map((e) => ({ action: e.action, after: e.after, actorId: e.actorId }));
}

/** The desktop's half: a QR challenge for this seal. */
async function startOnDesktop(token: string | undefined, purpose: 'ukey_bind' | 'ukey_unbind', sealId: string) {
  const res = await t.api('POST', '/v1/challenges', {
    token,
    body: { purpose, companyId: w.companyId, sealId, details: { ukeySerial: 'UK-0042' } },
  });
  expect(res.status).toBe(201);
  return res.body as { challengeId: string; desktopSecret: string };
}

async function approveOnPhone(challengeId: string, role: 'legal_representative' | 'seal_administrator' | 'seal_holder') {
  const faceTicket = await w.ticketFor(role, 'ukey.confirm', { challengeId });
  const res = await t.api('POST', `/v1/challenges/${challengeId}/approve`, { token: w.tokens[role], body: { faceTicket } });
  expect(res.status).toBe(200);
}

const bindWith = (
  role: 'legal_representative' | 'seal_holder',
  sealId: string,
  c: { challengeId: string; desktopSecret: string },
  op = 'bind',
) => t.api('POST', `/v1/seals/${sealId}/ukey/${op}`, { token: w.tokens[role], body: c });

describe('Ukey绑定 / 解绑', () => {
  it('binds the legal representative’s credential once the administrator confirms on the phone, and unbinds it after the holder confirms', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    const before = await credentialOf(sealId, lrId());

    const bind = await ukeyFlow(w, 'legal_representative', 'bind', sealId, 'seal_administrator');
    expect(bind.body).toEqual({ message: '绑定成功', sealId, credentialId: before.credentialId, medium: 'ukey' });
    const bound = await credentialOf(sealId, lrId());
    expect({ medium: bound.medium, version: bound.version }).toEqual({ medium: 'ukey', version: before.version + 1 });
    // Same credential: key, certificate and PIN stay; only the medium changes.
    expect(bound.serial).toBe(before.serial);
    expect(await auditActions()).toContainEqual({
      action: 'ukey.bind',
      actorId: lrId(),
      after: expect.objectContaining({ medium: 'ukey', approvedBy: w.personIds.seal_administrator, ukeySerial: 'UK-2026-0001' }),
    });

    const unbind = await ukeyFlow(w, 'legal_representative', 'unbind', sealId, 'seal_holder');
    expect(unbind.body).toMatchObject({ message: '解绑成功', medium: 'phone' });
    expect((await credentialOf(sealId, lrId())).medium).toBe('phone');
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({ action: 'ukey.unbind', after: expect.objectContaining({ approvedBy: w.personIds.seal_holder }) }),
    );
  });

  it('waits for the phone: before the confirmation nothing changes, and the same QR code works once confirmed', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    const c = await startOnDesktop(w.tokens.legal_representative, 'ukey_bind', sealId);
    const early = await bindWith('legal_representative', sealId, c);
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 403, code: 'FACE_CHECK_REQUIRED' });
    expect((await credentialOf(sealId, lrId())).medium).toBe('phone');
    await approveOnPhone(c.challengeId, 'legal_representative');
    expect((await bindWith('legal_representative', sealId, c)).status).toBe(200);
    // Single use.
    const again = await bindWith('legal_representative', sealId, c, 'unbind');
    expect(again.body.code).toBe('CHALLENGE_NOT_FOUND');
  });

  it('refuses someone else’s QR code, or one made for another seal, without spending it', async () => {
    const sealId = await w.spareSeal();
    const otherSeal = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    await w.claim('seal_holder', sealId);
    await w.claim('legal_representative', otherSeal);
    const c = await startOnDesktop(w.tokens.legal_representative, 'ukey_bind', sealId);
    await approveOnPhone(c.challengeId, 'seal_holder');

    const byHolder = await bindWith('seal_holder', sealId, c);
    expect({ status: byHolder.status, code: byHolder.body.code }).toEqual({ status: 404, code: 'CHALLENGE_NOT_FOUND' });
    expect((await bindWith('legal_representative', otherSeal, c)).body.code).toBe('CHALLENGE_NOT_FOUND');
    expect((await bindWith('legal_representative', sealId, { ...c, desktopSecret: 'x'.repeat(43) })).body.code).toBe('CHALLENGE_NOT_FOUND');
    expect((await credentialOf(sealId, w.personIds.seal_holder!)).medium).toBe('phone');
    expect((await credentialOf(otherSeal, lrId())).medium).toBe('phone');

    expect((await bindWith('legal_representative', sealId, c)).body.medium).toBe('ukey');
  });

  it('refuses a seal already on a UKey, and one the person never claimed', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    expect((await ukeyFlow(w, 'legal_representative', 'bind', sealId)).status).toBe(200);
    const twice = await ukeyFlow(w, 'legal_representative', 'bind', sealId);
    expect(twice.body).toEqual({ code: 'ILLEGAL_TRANSITION', message: '该印章已绑定Ukey' });
    const unclaimed = await ukeyFlow(w, 'seal_holder', 'bind', sealId);
    expect({ status: unclaimed.status, code: unclaimed.body.code }).toEqual({ status: 404, code: 'CREDENTIAL_NOT_FOUND' });
  });

  it('lets one of two racing binds of the same credential win; the other changes nothing', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    const [a, b] = [
      await startOnDesktop(w.tokens.legal_representative, 'ukey_bind', sealId),
      await startOnDesktop(w.tokens.legal_representative, 'ukey_bind', sealId),
    ];
    await approveOnPhone(a.challengeId, 'legal_representative');
    await approveOnPhone(b.challengeId, 'seal_administrator');
    const credentialId = (await credentialOf(sealId, lrId())).credentialId;
    const results = await Promise.all([bindWith('legal_representative', sealId, a), bindWith('legal_representative', sealId, b)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = (await auditActions()).filter((e) => e.action === 'ukey.bind' && (e.after as { sealId: string }).sealId === sealId);
    expect(events).toHaveLength(1);
    expect((await credentialOf(sealId, lrId())).credentialId).toBe(credentialId);
  });

  it('refuses a holder whose grant was cancelled after the phone confirmed', async () => {
    const sealId = await w.spareSeal();
    const bystander = seedPerson(BYSTANDER_KEY);
    const grant = await createGrant(w.store, {
      companyId: w.companyId,
      role: 'seal_holder',
      sealIds: [sealId],
      grantee: bystander,
      grantorId: lrId(),
      as: 'legal_representative',
      now: new Date(),
    });
    const token = await loginAs(t.api, BYSTANDER_KEY);
    const faceTicket = await w.mintFaceTicket(bystander.personId, 'seal.claim', `seals:${sealId}`);
    expect(
      (await t.api('POST', `/v1/seals/${sealId}/claim`, { token, body: { faceTicket, pin: '135790', pinConfirm: '135790' } })).status,
    ).toBe(201);
    const c = await startOnDesktop(token, 'ukey_bind', sealId);
    await approveOnPhone(c.challengeId, 'legal_representative');
    expect(
      (await t.api('POST', `/v1/companies/${w.companyId}/grants/${grant.grantId}/cancel`, { token: w.tokens.legal_representative })).status,
    ).toBe(200);

    const res = await t.api('POST', `/v1/seals/${sealId}/ukey/bind`, { token, body: c });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'NOT_AUTHORIZED' });
  });
});
