import { buildWorld, startMatrixStack, type MatrixWorld } from '../../../test-support/matrix-harness';
import type { TestStack } from '../../../test-support/identity-stack';
import { X509Certificate } from 'node:crypto';
import { ukeyFlow, uploadedDocument } from '../../../test-support/matrix-rows/credentials';
import { softwareUkey } from '../../../test-support/ukey';
import { MATRIX_PIN } from '../../../test-support/matrix-harness';
import { BYSTANDER_KEY } from '../../../test-support/matrix-harness';
import { loginAs, seedPerson } from '../../../test-support/identity-stack';
import { createGrant } from '../grant/create-grant';
import { chainedTrail } from '../../../test-support/audit-trail';

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
  const data = await chainedTrail(w.store, w.companyId);
  return data.map((e) => ({ action: e.action, after: e.after, actorId: e.actorId }));
}

/** The desktop's half: the UKey client's token, and a QR challenge naming it. */
async function startOnDesktop(token: string | undefined, purpose: 'ukey_bind' | 'ukey_unbind', sealId: string, ukey = softwareUkey()) {
  const res = await t.api('POST', '/v1/challenges', {
    token,
    body: { purpose, companyId: w.companyId, sealId, details: purpose === 'ukey_bind' ? { ukeySerial: ukey.ukeySerial } : {} },
  });
  expect(res.status).toBe(201);
  const { challengeId, desktopSecret } = res.body as { challengeId: string; desktopSecret: string };
  return { challengeId, desktopSecret, ukey };
}

async function approveOnPhone(challengeId: string, role: 'legal_representative' | 'seal_administrator' | 'seal_holder') {
  const faceTicket = await w.ticketFor(role, 'ukey.confirm', { challengeId });
  const res = await t.api('POST', `/v1/challenges/${challengeId}/approve`, { token: w.tokens[role], body: { faceTicket } });
  expect(res.status).toBe(200);
}

type Started = Awaited<ReturnType<typeof startOnDesktop>>;
const bindWith = (role: 'legal_representative' | 'seal_holder', sealId: string, c: Started, request: Record<string, unknown> = {}) =>
  t.api('POST', `/v1/seals/${sealId}/ukey/bind`, {
    token: w.tokens[role],
    body: {
      challengeId: c.challengeId,
      desktopSecret: c.desktopSecret,
      csr: c.ukey.csr(),
      ukeySerial: c.ukey.ukeySerial,
      keyId: c.ukey.keyId,
      ...request,
    },
  });

describe('Ukey绑定 / 解绑', () => {
  it('binds: the administrator confirms on the phone, the platform certifies the token’s key for the seal; unbinding after the holder confirms revokes that certificate', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    const before = await credentialOf(sealId, lrId());

    const c = await startOnDesktop(w.tokens.legal_representative, 'ukey_bind', sealId);
    await approveOnPhone(c.challengeId, 'seal_administrator');
    const bind = await bindWith('legal_representative', sealId, c);
    expect(bind.body).toMatchObject({
      message: '绑定成功',
      sealId,
      credentialId: before.credentialId,
      medium: 'ukey',
      ukeySerial: c.ukey.ukeySerial,
      keyId: c.ukey.keyId,
    });
    // The certificate certifies the token's key, for this seal and holder, under the platform root.
    const certificate = new X509Certificate(Buffer.from(bind.body.certificate, 'base64'));
    expect(Buffer.from(certificate.publicKey.export({ format: 'der', type: 'spki' }))).toEqual(Buffer.from(c.ukey.publicKeySpki));
    expect(certificate.serialNumber.toLowerCase()).toBe(String(bind.body.certificateSerial).toLowerCase());
    const phoneCertificate = new X509Certificate(Buffer.from(before.certificate, 'base64'));
    expect({ subject: certificate.subject, issuer: certificate.issuer }).toEqual({
      subject: phoneCertificate.subject,
      issuer: phoneCertificate.issuer,
    });

    const bound = await credentialOf(sealId, lrId());
    expect({ medium: bound.medium, version: bound.version }).toEqual({ medium: 'ukey', version: before.version + 1 });
    expect(bound.ukey).toMatchObject({
      tokenSerial: c.ukey.ukeySerial,
      keyId: c.ukey.keyId,
      certificate: bind.body.certificate,
      serial: bind.body.certificateSerial,
    });
    // The phone credential stays as it was, unused while bound.
    expect([bound.serial, bound.publicKey, bound.pinHash, bound.keyRef]).toEqual([
      before.serial,
      before.publicKey,
      before.pinHash,
      before.keyRef,
    ]);
    expect(await w.store.certificates.get(bind.body.certificateSerial, { consistent: true })).toMatchObject({
      status: 'issued',
      credentialId: before.credentialId,
    });
    expect(await auditActions()).toContainEqual({
      action: 'ukey.bind',
      actorId: lrId(),
      after: expect.objectContaining({
        medium: 'ukey',
        approvedBy: w.personIds.seal_administrator,
        ukeySerial: c.ukey.ukeySerial,
        certificateSerial: bind.body.certificateSerial,
      }),
    });

    // Bound: the phone's key no longer signs for this person; the PIN is not even counted.
    const documentId = await uploadedDocument(w, 'legal_representative');
    const signed = await t.api('POST', `/v1/documents/${documentId}/sign`, {
      token: w.tokens.legal_representative,
      body: { sealId, pin: MATRIX_PIN, placements: [{ page: 1, x: 100, y: 100 }] },
    });
    expect({ status: signed.status, body: signed.body }).toEqual({
      status: 409,
      body: { code: 'UKEY_BOUND', message: '该印章已绑定Ukey，请插入Ukey在电脑上签章' },
    });

    const u = await startOnDesktop(w.tokens.legal_representative, 'ukey_unbind', sealId);
    await approveOnPhone(u.challengeId, 'seal_holder');
    const unbind = await t.api('POST', `/v1/seals/${sealId}/ukey/unbind`, {
      token: w.tokens.legal_representative,
      body: { challengeId: u.challengeId, desktopSecret: u.desktopSecret },
    });
    expect(unbind.body).toEqual({
      message: '解绑成功',
      sealId,
      credentialId: before.credentialId,
      medium: 'phone',
      ukeySerial: c.ukey.ukeySerial,
      keyId: c.ukey.keyId,
      certificateSerial: bind.body.certificateSerial,
    });
    const unbound = await credentialOf(sealId, lrId());
    expect({ medium: unbound.medium, ukey: unbound.ukey, serial: unbound.serial }).toEqual({
      medium: 'phone',
      ukey: undefined,
      serial: before.serial,
    });
    expect(await w.store.certificates.get(bind.body.certificateSerial, { consistent: true })).toMatchObject({
      status: 'revoked',
      revocationReason: 'cessationOfOperation',
    });
    expect((await w.store.certificates.get(before.serial, { consistent: true }))?.status).toBe('issued');
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({
        action: 'ukey.unbind',
        after: expect.objectContaining({ approvedBy: w.personIds.seal_holder, revokedCertificate: bind.body.certificateSerial }),
      }),
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
    const again = await t.api('POST', `/v1/seals/${sealId}/ukey/unbind`, {
      token: w.tokens.legal_representative,
      body: { challengeId: c.challengeId, desktopSecret: c.desktopSecret },
    });
    expect(again.body.code).toBe('CHALLENGE_NOT_FOUND');
  });

  it('never binds without the token: a request not signed by its key, for another UKey or not a request at all is refused, and the approval is not spent', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    const c = await startOnDesktop(w.tokens.legal_representative, 'ukey_bind', sealId);
    await approveOnPhone(c.challengeId, 'seal_holder');
    const other = softwareUkey();
    const attempts = [
      { csr: c.ukey.csr({ signer: other.privateKey }) },
      { csr: c.ukey.csr({ serial: other.ukeySerial }) },
      { csr: Buffer.from('not a certification request').toString('base64') },
      { csr: other.csr() },
    ];
    for (const request of attempts) {
      const res = await bindWith('legal_representative', sealId, c, request);
      expect({ status: res.status, body: res.body }).toEqual({
        status: 400,
        body: { code: 'UKEY_CSR_INVALID', message: 'UKey证书请求无效，请重新插入UKey后重试' },
      });
    }
    // Another token than the one the phone confirmed.
    const swapped = await bindWith('legal_representative', sealId, c, { csr: other.csr(), ukeySerial: other.ukeySerial });
    expect({ status: swapped.status, code: swapped.body.code }).toEqual({ status: 409, code: 'UKEY_MISMATCH' });
    expect((await credentialOf(sealId, lrId())).medium).toBe('phone');
    expect((await bindWith('legal_representative', sealId, c)).body.medium).toBe('ukey');
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
    expect((await bindWith('legal_representative', sealId, c, { desktopSecret: 'x'.repeat(43) })).body.code).toBe('CHALLENGE_NOT_FOUND');
    expect((await credentialOf(sealId, w.personIds.seal_holder!)).medium).toBe('phone');
    expect((await credentialOf(otherSeal, lrId())).medium).toBe('phone');

    expect((await bindWith('legal_representative', sealId, c)).body.medium).toBe('ukey');
  });

  it('refuses before any QR code: a seal already on a UKey, unbinding one that is not, binding with no UKey inserted, and a seal the person never claimed', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    const notBound = await ukeyFlow(w, 'legal_representative', 'unbind', sealId);
    expect({ status: notBound.status, body: notBound.body }).toEqual({
      status: 409,
      body: { code: 'ILLEGAL_TRANSITION', message: '该印章未绑定Ukey' },
    });
    const noToken = await t.api('POST', '/v1/challenges', {
      token: w.tokens.legal_representative,
      body: { purpose: 'ukey_bind', companyId: w.companyId, sealId, details: {} },
    });
    expect({ status: noToken.status, body: noToken.body }).toEqual({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: '未检测到UKey，请插入UKey后重试' },
    });
    expect((await ukeyFlow(w, 'legal_representative', 'bind', sealId)).status).toBe(200);
    const twice = await ukeyFlow(w, 'legal_representative', 'bind', sealId);
    expect(twice.body).toEqual({ code: 'ILLEGAL_TRANSITION', message: '该印章已绑定Ukey' });
    const unclaimed = await ukeyFlow(w, 'seal_holder', 'bind', sealId);
    expect({ status: unclaimed.status, code: unclaimed.body.code }).toEqual({ status: 404, code: 'CREDENTIAL_NOT_FOUND' });
  });

  it('revokes the UKey certificate with the seal', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    const bound = await ukeyFlow(w, 'legal_representative', 'bind', sealId);
    expect(bound.status).toBe(200);
    const faceTicket = await w.ticketFor('legal_representative', 'seal.revoke', { companyId: w.companyId, sealIds: [sealId] });
    const revoked = await t.api('POST', `/v1/companies/${w.companyId}/seals/revoke`, {
      token: w.tokens.legal_representative,
      body: { sealIds: [sealId], faceTicket, reason: { category: 'other', text: '更换UKey' } },
    });
    expect(revoked.body.results).toEqual([{ sealId, ok: true, state: 'revoked' }]);
    expect((await w.store.certificates.get(bound.body.certificateSerial, { consistent: true }))?.status).toBe('revoked');
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

    const res = await t.api('POST', `/v1/seals/${sealId}/ukey/bind`, {
      token,
      body: {
        challengeId: c.challengeId,
        desktopSecret: c.desktopSecret,
        csr: c.ukey.csr(),
        ukeySerial: c.ukey.ukeySerial,
        keyId: c.ukey.keyId,
      },
    });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'NOT_AUTHORIZED' });
  });
});
