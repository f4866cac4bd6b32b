import { buildWorld, startMatrixStack, type MatrixWorld } from '../../../test-support/matrix-harness';
import type { TestStack } from '../../../test-support/identity-stack';
import { uploadedDocument } from '../../../test-support/matrix-rows/credentials';
import { bindSoftwareUkey, softwareUkey, unbindUkey } from '../../../test-support/ukey';
import { pdfsig } from '../../../test-support/pdf/third-party';
import { download } from '../../../dev/demo/platform-client';
import { fromPem, toPem } from '../../engines/pki/pem';
import { verifyPdf } from '../../engines/pdf/verify/verify-pdf';
import { InMemoryDigestSigner } from '../../engines/pki/in-memory-digest-signer';
import { requireTools } from '../../../test-support/tools';
import { chainedTrail } from '../../../test-support/audit-trail';

/**
 * UKey签章 over the API (decision 0123): a seal bound to a (software) UKey signs a document in two
 * requests, the "token" signing the digest in between; the result verifies with pdfsig and ours.
 */
let t: TestStack;
let w: MatrixWorld;
beforeAll(async () => {
  t = await startMatrixStack();
  w = await buildWorld(t, { spares: 7 });
}, 120_000);
afterAll(() => t?.stop());

const place = [{ page: 1, x: 100, y: 100 }];
type Ukey = ReturnType<typeof softwareUkey>;
const boundSeal = () => bindSoftwareUkey(t, w);
const unbind = (sealId: string) => unbindUkey(t, w, sealId);

const prepare = (documentId: string, sealId: string, token = w.tokens.legal_representative) =>
  t.api('POST', `/v1/documents/${documentId}/ukey-sign`, { token, body: { sealId, placements: place } });
const complete = (documentId: string, signingId: string, signature: string, token = w.tokens.legal_representative) =>
  t.api('POST', `/v1/documents/${documentId}/ukey-sign/${signingId}`, { token, body: { signature } });
/** What the token does (CKM_ECDSA over the digest), as DER like the UKey client returns it. */
async function tokenSigns(ukey: Ukey, digestBase64: string): Promise<string> {
  const token = await InMemoryDigestSigner.fromPkcs8(new Uint8Array(ukey.privateKey.export({ format: 'der', type: 'pkcs8' })));
  return Buffer.from(await token.signDigest(new Uint8Array(Buffer.from(digestBase64, 'base64')))).toString('base64');
}

async function platformRoot(): Promise<Uint8Array> {
  const res = await fetch(`${t.stack.url}/v1/pki/root`);
  return fromPem(await res.text())[0]!;
}
const signingRecords = async (sealId: string) => (await w.store.signingRecords.ofSeal(sealId)).items.length;

describe('Ukey签章', () => {
  it('signs in two phases with the token’s key: the PDF verifies (pdfsig and ours) under the UKey certificate, once', async () => {
    const { sealId, ukey } = await boundSeal();
    const documentId = await uploadedDocument(w, 'legal_representative');
    const prepared = await prepare(documentId, sealId);
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({ ukeySerial: ukey.ukeySerial, keyId: ukey.keyId });

    const signature = await tokenSigns(ukey, prepared.body.digest);
    const signed = await complete(documentId, prepared.body.signingId, signature);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ documentId, version: 1, signatures: 1 });
    const bytes = await download(signed.body.downloadUrl);
    const root = await platformRoot();
    const report = await verifyPdf(bytes, { trustedRoots: [root], now: new Date() });
    expect(report.verdict).toBe('valid');
    requireTools('pdfsig', 'certutil', 'openssl');
    expect((await pdfsig(bytes, [toPem(root)])).verdicts).toEqual(['TOTAL_PASSED']);
    expect(await signingRecords(sealId)).toBe(1);
    const audit = await chainedTrail(w.store, w.companyId);
    expect(audit.filter((e) => e.action === 'seal.sign' && e.subject === sealId)).toHaveLength(1);

    // Completable once: the same signature again is refused, nothing more stored.
    const again = await complete(documentId, prepared.body.signingId, signature);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 404, code: 'UKEY_SIGNING_NOT_FOUND' });
    expect(await signingRecords(sealId)).toBe(1);
  });

  it('refuses a value that does not verify against the UKey certificate, storing nothing; the right one still completes', async () => {
    const { sealId, ukey } = await boundSeal();
    const documentId = await uploadedDocument(w, 'legal_representative');
    const prepared = await prepare(documentId, sealId);
    const other = softwareUkey();
    const wrong = await complete(documentId, prepared.body.signingId, await tokenSigns(other, prepared.body.digest));
    expect({ status: wrong.status, body: wrong.body }).toEqual({
      status: 400,
      body: { code: 'UKEY_SIGNATURE_INVALID', message: 'Ukey签名无效，请确认插入的是绑定该印章的Ukey后重试' },
    });
    expect(await signingRecords(sealId)).toBe(0);
    expect((await w.store.documents.get(documentId))?.version).toBe(0);
    expect((await complete(documentId, prepared.body.signingId, await tokenSigns(ukey, prepared.body.digest))).status).toBe(200);
  });

  it('binds a prepared signing to its caller and document; two racing completions store one version', async () => {
    const { sealId, ukey } = await boundSeal();
    const documentId = await uploadedDocument(w, 'legal_representative');
    const prepared = await prepare(documentId, sealId);
    const signature = await tokenSigns(ukey, prepared.body.digest);
    const stranger = await complete(documentId, prepared.body.signingId, signature, w.tokens.seal_holder);
    expect(stranger.status).toBe(404);
    const otherDocument = await uploadedDocument(w, 'legal_representative');
    expect((await complete(otherDocument, prepared.body.signingId, signature)).body.code).toBe('UKEY_SIGNING_NOT_FOUND');

    const both = await Promise.all([complete(documentId, prepared.body.signingId, signature), complete(documentId, prepared.body.signingId, signature)]);
    expect(both.filter((r) => r.status === 200)).toHaveLength(1);
    expect(both.find((r) => r.status !== 200)!.body.code).toMatch(/^(UKEY_SIGNING_USED|UKEY_SIGNING_NOT_FOUND|CONFLICT)$/);
    expect(await signingRecords(sealId)).toBe(1);
  });

  it('expires: a signing completed after five minutes is refused and stores nothing', async () => {
    const { sealId, ukey } = await boundSeal();
    const documentId = await uploadedDocument(w, 'legal_representative');
    const prepared = await prepare(documentId, sealId);
    t.setNow(new Date(Date.now() + 5 * 60_000 + 1000));
    try {
      const late = await complete(documentId, prepared.body.signingId, await tokenSigns(ukey, prepared.body.digest));
      expect({ status: late.status, code: late.body.code }).toEqual({ status: 410, code: 'UKEY_SIGNING_EXPIRED' });
    } finally {
      t.setNow(undefined);
    }
    expect(await signingRecords(sealId)).toBe(0);
  });

  it('a freeze landing between prepare and complete stops the signature with SEAL_FROZEN: the commit holds the seal to what the gate read', async () => {
    const { sealId, ukey } = await boundSeal();
    const documentId = await uploadedDocument(w, 'legal_representative');
    const prepared = await prepare(documentId, sealId);
    expect(prepared.status).toBe(200);
    const faceTicket = await w.ticketFor('legal_representative', 'seal.freeze', { companyId: w.companyId, sealIds: [sealId] });
    const frozen = await t.api('POST', `/v1/companies/${w.companyId}/seals/freeze`, {
      token: w.tokens.legal_representative,
      body: { sealIds: [sealId], faceTicket, reason: '印章疑似被盗用' },
    });
    expect(frozen.body.results).toEqual([{ sealId, ok: true, state: 'frozen' }]);
    const late = await complete(documentId, prepared.body.signingId, await tokenSigns(ukey, prepared.body.digest));
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'SEAL_FROZEN' });
    expect(await signingRecords(sealId)).toBe(0);
    expect((await w.store.documents.get(documentId))?.version).toBe(0);
  });

  it('refuses a seal that is not on a UKey, and a completion after the seal was unbound', async () => {
    const sealId = await w.spareSeal();
    await w.claim('legal_representative', sealId);
    const documentId = await uploadedDocument(w, 'legal_representative');
    const onPhone = await prepare(documentId, sealId);
    expect({ status: onPhone.status, code: onPhone.body.code }).toEqual({ status: 409, code: 'UKEY_NOT_BOUND' });

    const bound = await boundSeal();
    const prepared = await prepare(documentId, bound.sealId);
    expect(prepared.status).toBe(200);
    await unbind(bound.sealId);
    const late = await complete(documentId, prepared.body.signingId, await tokenSigns(bound.ukey, prepared.body.digest));
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'UKEY_NOT_BOUND' });
    expect(await signingRecords(bound.sealId)).toBe(0);
  });
});
