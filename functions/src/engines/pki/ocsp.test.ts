import { createTestPki, type TestPki } from '../../../test-support/pki/test-pki';
import { OpensslWorkspace } from '../../../test-support/pki/openssl';
import { InMemoryDigestSigner } from './in-memory-digest-signer';
import { issueOcspResponderCertificate } from './ocsp-responder-certificate';
import { issueSealCertificate } from './seal-certificate';
import { answerOcspRequest, authorityOf, createOcspResponse, type OcspCertStatus, type OcspResponder } from './ocsp';
import { readSealCertificate } from './read-seal-certificate';
import { toPem } from './pem';
import { mayAnswerFor, readOcspResponse } from './read-ocsp-response';
import { viewCertificate } from './certificate-view';
import { PkiError } from './errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const now = new Date('2026-06-01T08:00:00Z');
let pki: TestPki;
let openssl: OpensslWorkspace;
let responder: OcspResponder;
let revokedSeal: Uint8Array;
let responderCertificate: Uint8Array;
const statuses = new Map<string, OcspCertStatus>();

beforeAll(async () => {
  pki = await createTestPki({ now });
  openssl = new OpensslWorkspace();
  const responderSigner = await InMemoryDigestSigner.generate();
  responderCertificate = await issueOcspResponderCertificate({
    signer: pki.rootSigner,
    caCertificate: pki.root,
    responderPublicKey: await responderSigner.publicKeySpki(),
    notBefore: new Date(now.getTime() - 3600_000),
  });
  revokedSeal = await issueSealCertificate({
    signer: pki.rootSigner,
    caCertificate: pki.root,
    subjectPublicKey: await (await InMemoryDigestSigner.generate()).publicKeySpki(),
    company: { name: '深圳市示例科技有限公司', creditCode: '91440300MA5F000001' },
    seal: { name: '财务专用章', kindLabel: '财务专用章' },
    holder: { name: '李四' },
    notBefore: new Date(now.getTime() - 3600_000),
    publicBaseUrl: 'https://seal.example.cn',
    ocspUrl: 'https://seal.example.cn/v1/pki/ocsp',
  });
  statuses.set(readSealCertificate(pki.seal).serialNumber, { status: 'good' });
  statuses.set(readSealCertificate(revokedSeal).serialNumber, { status: 'revoked', revokedAt: new Date('2026-05-20T02:00:00Z'), reason: 'cessationOfOperation' });
  responder = {
    signer: responderSigner,
    responderCertificate,
    issuerCertificate: pki.root,
    statusOf: async (serial) => statuses.get(serial) ?? { status: 'unknown' },
    now: () => now,
  };
  openssl.file('root.pem', toPem(pki.root));
  openssl.file('responder.pem', toPem(responderCertificate));
  openssl.file('seal.pem', toPem(pki.seal));
  openssl.file('revoked.pem', toPem(revokedSeal));
  openssl.file('tsa.pem', toPem(pki.tsa));
});
afterAll(() => openssl.dispose());

const path = (name: string): string => join(openssl.dir, name);

/** openssl writes the request (with a nonce), our responder answers, openssl checks the answer against the request. */
async function answer(certificateFile: string): Promise<{ status: number; output: string }> {
  const request = ['-issuer', path('root.pem'), '-cert', path(certificateFile)];
  openssl.run(['ocsp', ...request, '-reqout', path('request.der')]);
  openssl.file('response.der', await answerOcspRequest(new Uint8Array(readFileSync(path('request.der'))), [authorityOf(responder)]));
  // Checked against the request itself (-reqin): a -cert here would make openssl build a new request with another nonce.
  return openssl.run(['ocsp', '-respin', path('response.der'), '-reqin', path('request.der'), '-CAfile', path('root.pem'), '-resp_text']);
}

describe('OCSP responder', () => {
  it('answers good for a live seal certificate, signed by the responder certificate, nonce echoed', async () => {
    const { status, output } = await answer('seal.pem');
    expect(status).toBe(0);
    expect(output).toContain('Response verify OK');
    expect(output).toContain('Cert Status: good');
    expect(output).toContain('OCSP Nonce');
  });

  it('answers revoked with the time and reason', async () => {
    const { output } = await answer('revoked.pem');
    expect(output).toContain('Response verify OK');
    expect(output).toContain('Cert Status: revoked');
    expect(output).toContain('Revocation Reason: cessationOfOperation');
    expect(output).toContain('Revocation Time: May 20 02:00:00 2026 GMT');
  });

  it('answers unknown for a serial the platform never issued', async () => {
    const { output } = await answer('tsa.pem');
    expect(output).toContain('Response verify OK');
    expect(output).toContain('Cert Status: unknown');
  });

  it('answers malformedRequest to bytes that are not a request, and to an oversized one', async () => {
    for (const bytes of [new Uint8Array([0x30, 0x03, 0x02, 0x01]), new Uint8Array(9000).fill(0x30)]) {
      openssl.file('bad.der', await answerOcspRequest(bytes, [authorityOf(responder)]));
      expect(openssl.run(['ocsp', '-respin', path('bad.der'), '-resp_text', '-noverify']).output).toContain('malformedrequest');
    }
  });

  it('answers with the responder of the CA the request names, built only then; unauthorized when it names no CA it answers for', async () => {
    const other = await createTestPki({ now });
    const built: string[] = [];
    const authorities = [
      { issuerCertificate: other.root, responder: async () => (built.push('other'), { ...responder, issuerCertificate: other.root }) },
      { issuerCertificate: pki.root, responder: async () => (built.push('ours'), responder) },
    ];
    openssl.run(['ocsp', '-issuer', path('root.pem'), '-cert', path('seal.pem'), '-reqout', path('request.der')]);
    openssl.file('picked.der', await answerOcspRequest(new Uint8Array(readFileSync(path('request.der'))), authorities));
    expect(openssl.run(['ocsp', '-respin', path('picked.der'), '-reqin', path('request.der'), '-CAfile', path('root.pem'), '-resp_text']).output).toContain('Cert Status: good');
    expect(built).toEqual(['ours']);

    openssl.file('other-root.pem', toPem(other.root));
    openssl.file('other-seal.pem', toPem(other.seal));
    openssl.run(['ocsp', '-issuer', path('other-root.pem'), '-cert', path('other-seal.pem'), '-reqout', path('stranger.der')]);
    openssl.file('unauthorized.der', await answerOcspRequest(new Uint8Array(readFileSync(path('stranger.der'))), [authorityOf(responder)]));
    expect(openssl.run(['ocsp', '-respin', path('unauthorized.der'), '-resp_text', '-noverify']).output).toContain('unauthorized (6)');
  });

  it('takes CertIDs hashed with SM3 (as Chinese clients may send them) and SHA-256, as well as SHA-1', async () => {
    for (const digest of ['-sm3', '-sha256']) {
      openssl.run(['ocsp', digest, '-issuer', path('root.pem'), '-cert', path('seal.pem'), '-reqout', path('request.der')]);
      openssl.file('hashed.der', await answerOcspRequest(new Uint8Array(readFileSync(path('request.der'))), [authorityOf(responder)]));
      const { output } = openssl.run(['ocsp', '-respin', path('hashed.der'), '-reqin', path('request.der'), '-CAfile', path('root.pem'), '-resp_text']);
      expect({ digest, verified: output.includes('Response verify OK'), good: output.includes('Cert Status: good') }).toEqual({ digest, verified: true, good: true });
      expect(output).toContain(`Hash Algorithm: ${digest.slice(1)}`);
    }
  });

  it('makes a response without a request (for a document DSS) that openssl verifies', async () => {
    openssl.file('dss.der', await createOcspResponse(responder, [pki.seal]));
    const { status, output } = openssl.run(['ocsp', '-respin', path('dss.der'), '-CAfile', path('root.pem'), '-no_nonce', '-sha256', '-issuer', path('root.pem'), '-cert', path('seal.pem')]);
    expect(status).toBe(0);
    expect(output).toContain('Response verify OK');
    // The fixed clock of this file is in the past, so openssl also warns that the answer is old.
    expect(output).toMatch(/seal\.pem:[^]*?\ngood\n/);
  });

  it('puts the OCSP URL in the certificate (Authority Information Access) and marks the responder certificate', () => {
    expect(openssl.run(['x509', '-in', path('revoked.pem'), '-noout', '-text']).output).toMatch(/OCSP - URI:https:\/\/seal\.example\.cn\/v1\/pki\/ocsp/);
    const responderText = openssl.run(['x509', '-in', path('responder.pem'), '-noout', '-text']).output;
    expect(responderText).toContain('OCSP Signing');
    expect(responderText).toContain('OCSP No Check');
  });
});

describe('reading an OCSP response (a DSS entry)', () => {
  it('finds the responder that signed it and what it says of each certificate', async () => {
    const view = readOcspResponse(await createOcspResponse(responder, [pki.seal, revokedSeal]));
    expect(view.producedAt).toEqual(now);
    expect(view.responderCertificate).toEqual(responderCertificate);
    expect(mayAnswerFor(view.responderCertificate!, viewCertificate(pki.root))).toBe(true);
    expect(mayAnswerFor(pki.tsa, viewCertificate(pki.root))).toBe(false);
    const [good, revoked] = view.answers;
    expect(good).toMatchObject({ serialNumber: readSealCertificate(pki.seal).serialNumber, status: 'good', thisUpdate: now });
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: new Date('2026-05-20T02:00:00Z'), reason: 'cessationOfOperation' });
    expect(good!.issuedBy(viewCertificate(pki.root))).toBe(true);
    expect(good!.issuedBy(viewCertificate(pki.tsa))).toBe(false);
  });

  it('names no responder when the signature does not verify, and refuses what is not a response', async () => {
    const der = await createOcspResponse(responder, [pki.seal]);
    const flipped = Uint8Array.from(der);
    // producedAt (the first 20260601080000Z) a second later: the signed bytes change.
    flipped[Buffer.from(der).indexOf('20260601080000Z') + 13] = 0x31;
    expect(readOcspResponse(flipped).responderCertificate).toBeUndefined();
    expect(() => readOcspResponse(new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x01]))).toThrow(PkiError);
    expect(() => readOcspResponse(pki.seal)).toThrow(PkiError);
  });
});
