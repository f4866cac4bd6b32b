import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromPem, toPem } from '../../engines/pki';
import { viewCertificate } from '../../engines/pki/certificate-view';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AuthorityInfoAccessSyntax, Certificate, id_ad_ocsp, id_pe_authorityInfoAccess } from '@peculiar/asn1-x509';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { sm2OcspAnswerVerifies, SM2_WITH_SM3_ALGORITHM_HEX } from '../../../test-support/gm/ocsp-independent';
import { addCompany, addPerson, api, passedFaceTicket, startHarness, type Harness } from '../../../test-support/lifecycle-harness';

const CO = '914403001922038216';
const PIN = '135790';

let h: Harness;
let lr: { personId: string; token: string };
let sealId: string;
let openssl: GmOpenssl;
const path = (name: string): string => join(openssl.dir, name);

beforeAll(async () => {
  h = await startHarness();
  openssl = new GmOpenssl();
  lr = await addPerson(h.services, '张三');
  const { sealIds } = await addCompany(h.services, { companyId: CO, legalRepPersonId: lr.personId, kinds: ['contract'] });
  sealId = sealIds[0]!;
  const root = (await api(h.stack, 'GET', '/v1/pki/root')).body as Uint8Array;
  openssl.file('root.pem', root);
  const responder = await h.services.store.platformCertificates.get('ocsp-responder');
  openssl.file('responder.pem', toPem(new Uint8Array(Buffer.from(responder!.certificate, 'base64'))));
  const tsa = await h.services.store.platformCertificates.get('tsa');
  openssl.file('tsa.pem', toPem(new Uint8Array(Buffer.from(tsa!.certificate, 'base64'))));
  const faceTicket = await passedFaceTicket(h.services, lr.personId, 'seal.claim', { sealIds: [sealId] });
  const claimed = await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, lr.token, { faceTicket, pin: PIN, pinConfirm: PIN });
  expect(claimed.status).toBe(201);
  openssl.file('seal.pem', claimed.body.credential.certificate.pem);
}, 120_000);
afterAll(async () => {
  openssl?.dispose();
  await h?.stop();
});

/** The OCSP URLs of a certificate's Authority Information Access, read with @peculiar/asn1-x509. */
function ocspUrlsOf(pemFile: string): string[] {
  const certificate = AsnConvert.parse(fromPem(readFileSync(path(pemFile), 'utf8'))[0]!, Certificate);
  const extension = certificate.tbsCertificate.extensions?.find((e) => e.extnID === id_pe_authorityInfoAccess);
  if (!extension) return [];
  const access = AsnConvert.parse(extension.extnValue.buffer, AuthorityInfoAccessSyntax);
  return access.filter((a) => a.accessMethod === id_ad_ocsp).map((a) => a.accessLocation.uniformResourceIdentifier ?? '');
}

/**
 * `openssl ocsp` at the address the certificate itself names (its AIA), over HTTP POST, the answer
 * checked with the given trust option. Run asynchronously: the stack answers from this very process.
 */
function ask(certificate: string, trust: string[], url = ocspUrlsOf(certificate)[0], issuer = 'root.pem', extra: string[] = []): Promise<{ status: number; output: string }> {
  // `extra` first: openssl wants a CertID digest (-sm3) before -cert.
  const args = ['ocsp', ...extra, '-issuer', path(issuer), '-cert', path(certificate), '-url', url ?? 'none', ...trust, '-resp_text'];
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd: openssl.dir }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: typeof error?.code === 'number' ? error.code : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('the OCSP responder of the platform', () => {
  it('names the CRL and the OCSP responder at the public base URL in the seal and TSA certificates; the responder’s own names neither', () => {
    const base = h.services.config.PUBLIC_BASE_URL;
    expect(base).toBe(h.stack.url);
    for (const pem of ['seal.pem', 'tsa.pem']) {
      expect(ocspUrlsOf(pem)).toEqual([`${base}/v1/pki/ocsp`]);
      const text = openssl.run(['x509', '-in', path(pem), '-noout', '-text']).output;
      expect(text).toContain(`URI:${base}/v1/pki/crl`);
      expect(text).toMatch(new RegExp(`Authority Information Access:\\s+OCSP - URI:${base.replace(/[.]/g, '\\.')}/v1/pki/ocsp\\s`));
    }
    expect(ocspUrlsOf('responder.pem')).toEqual([]);
    const text = openssl.run(['x509', '-in', path('responder.pem'), '-noout', '-text']).output;
    expect(text).not.toContain('Authority Information Access');
    expect(text).toContain('OCSP No Check');
  });

  it('answers good for a claimed seal and for the TSA at the address they name; openssl verifies the answer with the responder certificate and through the root', async () => {
    for (const trust of [['-VAfile', path('responder.pem')], ['-CAfile', path('root.pem')]]) {
      const { status, output } = await ask('seal.pem', trust);
      expect(status).toBe(0);
      expect(output).toContain('Response verify OK');
      expect(output).toMatch(/seal\.pem: good/);
    }
    const { output } = await ask('tsa.pem', ['-VAfile', path('responder.pem')]);
    expect(output).toContain('Response verify OK');
    expect(output).toMatch(/tsa\.pem: good/);
  });

  it('answers revoked, with the time, once the seal is revoked', async () => {
    const faceTicket = await passedFaceTicket(h.services, lr.personId, 'seal.revoke', { companyId: CO, sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/companies/${CO}/seals/revoke`, lr.token, { faceTicket, sealIds: [sealId], reason: { category: 'other', text: '不再使用' } });
    expect(res.body.results[0]).toMatchObject({ ok: true, state: 'revoked' });
    const { output } = await ask('seal.pem', ['-VAfile', path('responder.pem')]);
    expect(output).toContain('Response verify OK');
    expect(output).toMatch(/seal\.pem: revoked/);
    expect(output).toContain('Revocation Time:');
  });

  it('answers unknown for a certificate the platform never issued', async () => {
    // A certificate of the same issuer name and key the platform has no record of: the responder's own root
    // (which names no responder: asked at the seal's).
    openssl.file('stranger.pem', readFileSync(path('root.pem')));
    const { output } = await ask('stranger.pem', ['-VAfile', path('responder.pem')], ocspUrlsOf('seal.pem')[0]);
    expect(output).toContain('Response verify OK');
    expect(output).toMatch(/stranger\.pem: unknown/);
  });

  it('answers the GET form (RFC 6960 appendix A.1), and refuses what is not a request with malformedRequest', async () => {
    openssl.run(['ocsp', '-issuer', path('root.pem'), '-cert', path('seal.pem'), '-reqout', path('request.der')]);
    const request = readFileSync(path('request.der')).toString('base64');
    const res = await fetch(`${h.stack.url}/v1/pki/ocsp/${encodeURIComponent(request)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ocsp-response');
    openssl.file('get.der', new Uint8Array(await res.arrayBuffer()));
    const checked = openssl.run(['ocsp', '-respin', path('get.der'), '-reqin', path('request.der'), '-VAfile', path('responder.pem'), '-resp_text']);
    expect(checked.output).toContain('Response verify OK');
    expect(checked.output).toContain('Cert Status: revoked');

    const bad = await fetch(`${h.stack.url}/v1/pki/ocsp`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: new Uint8Array([1, 2, 3]) });
    expect(bad.status).toBe(200);
    openssl.file('bad.der', new Uint8Array(await bad.arrayBuffer()));
    expect(openssl.run(['ocsp', '-respin', path('bad.der'), '-noverify', '-resp_text']).output).toContain('malformedrequest');
    expect((await api(h.stack, 'GET', '/v1/pki/ocsp/not*base64')).status).toBe(400);
  });

  it('has its certificate issued by the root with id-kp-OCSPSigning', () => {
    const text = openssl.run(['x509', '-in', path('responder.pem'), '-noout', '-text']).output;
    expect(text).toContain('OCSP Signing');
    expect(openssl.run(['verify', '-CAfile', path('root.pem'), path('responder.pem')]).status).toBe(0);
    expect(viewCertificate(fromPem(readFileSync(path('responder.pem'), 'utf8'))[0]!).issuer).toEqual(viewCertificate(fromPem(readFileSync(path('root.pem'), 'utf8'))[0]!).subject);
  });
});

/** GM/T 0009's default distinguishing ID, with which the platform signs every SM2 answer. */
const SM2_ID = '1234567812345678';

const sm2AnswerVerifies = (name: string, response: Uint8Array, responderCertificate: Uint8Array, change?: (tbs: Uint8Array) => void) =>
  sm2OcspAnswerVerifies(openssl, name, response, responderCertificate, SM2_ID, change);

describe('the SM2 OCSP responder, at the same address', () => {
  let sm2Lr: { personId: string; token: string };
  let sm2SealId: string;
  const CO_SM2 = '91440300708461136T';
  const der = (pemFile: string) => fromPem(readFileSync(path(pemFile), 'utf8'))[0]!;

  beforeAll(async () => {
    sm2Lr = await addPerson(h.services, '李四');
    const { sealIds } = await addCompany(h.services, { companyId: CO_SM2, legalRepPersonId: sm2Lr.personId, kinds: ['contract'], algorithm: 'sm2-sm3' });
    sm2SealId = sealIds[0]!;
    for (const [role, file] of [
      ['sm2-root', 'sm2root.pem'],
      ['sm2-tsa', 'sm2tsa.pem'],
      ['seal-maker', 'sealmaker.pem'],
      ['sm2-ocsp-responder', 'sm2responder.pem'],
    ] as const) {
      const record = await h.services.store.platformCertificates.get(role);
      openssl.file(file, toPem(new Uint8Array(Buffer.from(record!.certificate, 'base64'))));
    }
    const faceTicket = await passedFaceTicket(h.services, sm2Lr.personId, 'seal.claim', { sealIds: [sm2SealId] });
    const claimed = await api(h.stack, 'POST', `/v1/seals/${sm2SealId}/claim`, sm2Lr.token, { faceTicket, pin: PIN, pinConfirm: PIN });
    expect(claimed.status).toBe(201);
    openssl.file('sm2seal.pem', claimed.body.credential.certificate.pem);
  }, 120_000);

  it('names the responder in the SM2 seal, TSA and seal-maker certificates; the SM2 responder certificate is the root’s, for OCSP signing, with ocsp-nocheck and no AIA', () => {
    const base = h.services.config.PUBLIC_BASE_URL;
    for (const pem of ['sm2seal.pem', 'sm2tsa.pem', 'sealmaker.pem']) {
      expect({ pem, urls: ocspUrlsOf(pem) }).toEqual({ pem, urls: [`${base}/v1/pki/ocsp`] });
      const text = openssl.run(['x509', '-in', path(pem), '-noout', '-text']).output;
      expect(text).toContain(`URI:${base}/v1/pki/crl?ca=sm2`);
      expect(text).toMatch(new RegExp(`Authority Information Access:\\s+OCSP - URI:${base.replace(/[.]/g, '\\.')}/v1/pki/ocsp\\s`));
    }
    expect(ocspUrlsOf('sm2responder.pem')).toEqual([]);
    const text = openssl.run(['x509', '-in', path('sm2responder.pem'), '-noout', '-text', '-nameopt', 'utf8']).output;
    expect(text).not.toContain('Authority Information Access');
    expect(text).toContain('OCSP No Check');
    expect(text).toMatch(/X509v3 Extended Key Usage: critical\s+OCSP Signing\s/);
    expect(text).toContain('Signature Algorithm: SM2-with-SM3');
    expect(text).toContain('SM2 OCSP响应服务');
    expect(openssl.run(['verify', '-CAfile', path('sm2root.pem'), '-vfyopt', `distid:${SM2_ID}`, '-purpose', 'ocsphelper', path('sm2responder.pem')]).output).toContain('sm2responder.pem: OK');
  });

  it('answers good for the SM2 seal at the address it names, with an SM2-with-SM3 signature OpenSSL verifies with the distinguishing ID', async () => {
    const { output } = await ask('sm2seal.pem', ['-CAfile', path('sm2root.pem')], undefined, 'sm2root.pem', ['-respout', path('sm2-good.der')]);
    expect(output).toMatch(/sm2seal\.pem: good/);
    expect(output).toContain('Signature Algorithm: SM2-with-SM3');
    expect(output).toMatch(/Responder Id: [0-9A-F]{40}/);
    // OpenSSL 3's `ocsp` says "Response Verify Failure" here: it passes no distinguishing ID to SM2 (decision 0231).
    const { algorithmHex, verified } = sm2AnswerVerifies('sm2-good', openssl.read('sm2-good.der'), der('sm2responder.pem'));
    expect(algorithmHex).toBe(SM2_WITH_SM3_ALGORITHM_HEX);
    expect(verified).toBe(true);
    // One changed byte of the signed part (the last byte of the nonce), and the same check refuses it.
    const changed = sm2AnswerVerifies('sm2-changed', openssl.read('sm2-good.der'), der('sm2responder.pem'), (tbs) => {
      tbs[tbs.length - 1] = tbs[tbs.length - 1]! ^ 1;
    });
    expect(changed.verified).toBe(false);
  });

  it('answers for the SM2 TSA and the seal maker, and takes SM3 CertIDs as well as SHA-1', async () => {
    for (const pem of ['sm2tsa.pem', 'sealmaker.pem']) {
      const { output } = await ask(pem, ['-noverify'], undefined, 'sm2root.pem');
      expect(output).toMatch(new RegExp(`${pem.replace('.', '\\.')}: good`));
    }
    const { output } = await ask('sm2seal.pem', ['-noverify'], undefined, 'sm2root.pem', ['-sm3', '-respout', path('sm2-sm3.der')]);
    expect(output).toMatch(/Hash Algorithm: sm3/);
    expect(output).toMatch(/sm2seal\.pem: good/);
    expect(sm2AnswerVerifies('sm2-sm3', openssl.read('sm2-sm3.der'), der('sm2responder.pem')).verified).toBe(true);
  });

  it('answers revoked once the SM2 seal is revoked, still signed SM2 and verified with the ID', async () => {
    const faceTicket = await passedFaceTicket(h.services, sm2Lr.personId, 'seal.revoke', { companyId: CO_SM2, sealIds: [sm2SealId] });
    const res = await api(h.stack, 'POST', `/v1/companies/${CO_SM2}/seals/revoke`, sm2Lr.token, { faceTicket, sealIds: [sm2SealId], reason: { category: 'other', text: '不再使用' } });
    expect(res.body.results[0]).toMatchObject({ ok: true, state: 'revoked' });
    const { output } = await ask('sm2seal.pem', ['-CAfile', path('sm2root.pem')], undefined, 'sm2root.pem', ['-respout', path('sm2-revoked.der')]);
    expect(output).toMatch(/sm2seal\.pem: revoked/);
    expect(output).toContain('Revocation Time:');
    expect(sm2AnswerVerifies('sm2-revoked', openssl.read('sm2-revoked.der'), der('sm2responder.pem')).verified).toBe(true);
  });

  it('answers a request naming an issuer that is neither root with unauthorized, not a 5xx', async () => {
    openssl.run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path('other-ca.key'), '-subj', '/CN=Other CA', '-days', '1', '-out', path('other-ca.pem')]);
    const { output } = await ask('other-ca.pem', ['-noverify'], ocspUrlsOf('sm2seal.pem')[0], 'other-ca.pem');
    expect(output).toMatch(/Responder Error: unauthorized \(6\)/);
    openssl.run(['ocsp', '-issuer', path('other-ca.pem'), '-cert', path('other-ca.pem'), '-reqout', path('other.der')]);
    const res = await fetch(`${h.stack.url}/v1/pki/ocsp/${encodeURIComponent(readFileSync(path('other.der')).toString('base64'))}`);
    expect(res.status).toBe(200);
    openssl.file('other-answer.der', new Uint8Array(await res.arrayBuffer()));
    expect(openssl.run(['ocsp', '-respin', path('other-answer.der'), '-noverify', '-resp_text']).output).toContain('unauthorized');
  });
});
