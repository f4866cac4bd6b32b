import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { download } from '../../../dev/demo/platform-client';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';
import { bouncyCastleCheck } from '../../../test-support/gm/bouncy-castle';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { sm2OcspAnswerVerifies, SM2_WITH_SM3_ALGORITHM_HEX } from '../../../test-support/gm/ocsp-independent';
import { PdfDocument } from '../../engines/pdf/syntax/document';
import { decodeStream } from '../../engines/pdf/syntax/filters';
import type { PdfStream, PdfString, PdfValue } from '../../engines/pdf/syntax/objects';
import { findSignatures } from '../../engines/pdf/verify/find-signatures';
import { readSignedData } from '../../engines/pki/read-signed-data';
import { readTimestampToken } from '../../engines/pki/read-timestamp-token';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import { OID } from '../../engines/pki/oids';
import { toPem } from '../../engines/pki/pem';
import { gmPlatformPki, platformPki } from '../platform-pki/platform-ca';
import { requireTools } from '../../../test-support/tools';
import { getServices } from '../../composition';

/**
 * A seal the company chose SM2 for (decision 0078) signs a PDF through the API, and the platform's
 * verifier trusts it: its certificate chains to the SM2 root, which verification trusts beside the
 * P-256 one. The signature is a GB/T 35275 SignedData (decision 0180), which Bouncy Castle, run on
 * its own, accepts; a changed byte makes both reject it.
 */
let t: DocumentsStack;
let lr: string;
let sealId: string;
const PIN = '258036';

beforeAll(async () => {
  t = await startDocumentsStack();
  const companyId = t.companyOf('lr-xinghe').creditCode;
  lr = await t.api.login(t.person('lr-xinghe'));
  const started = await t.api.expect(201, '电子营业执照', 'POST', `/v1/companies/${companyId}/licence-authorizations`, { token: lr });
  await t.api.expect(200, '电子营业执照结果', 'POST', `/v1/licence-authorizations/${started.authorizationId}/result`, {
    token: lr,
    body: { presented: true },
  });
  const faceTicket = await t.api.faceTicket(lr, 'seal.apply_online', { companyId });
  const applied = await t.api.expect(201, '在线申请', 'POST', `/v1/companies/${companyId}/seal-applications`, {
    token: lr,
    body: { faceTicket, licenceTicket: started.authorizationId, kinds: ['invoice'], sealAlgorithm: 'sm2-sm3' },
  });
  sealId = applied.seals[0].sealId;
  await t.api.claimSeal(lr, companyId, sealId, PIN);
}, 180_000);
afterAll(() => t?.stop());

it('signs a PDF with an SM2 seal, and the verifier finds it valid: SM3 digests, certificate from the SM2 root, timestamp from the platform TSA', async () => {
  const documentId = await t.api.upload(lr, '国密签章.pdf', await samplePdf({ pages: 1 }));
  const signed = await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
  expect(signed.status).toBe(200);
  const report = (await t.api.verify(await download(signed.body.downloadUrl))).body;
  expect(report).toMatchObject({ verdict: 'valid', indication: 'TOTAL_PASSED' });
  const [signature] = report.signatures;
  expect(signature).toMatchObject({
    indication: 'TOTAL_PASSED',
    integrity: 'intact',
    algorithms: { digest: 'sm3', signature: 'sm2' },
    timestamp: { valid: true },
  });
  expect(signature.signer.issuer).toContain('SM2根CA');
  expect(signature.platform).toMatchObject({ sealId });
});

it('signs in the GB/T 35275 form: Bouncy Castle accepts every signature the seal made and rejects a changed document', async () => {
  const documentId = await t.api.upload(lr, '国密签章-两次.pdf', await samplePdf({ pages: 2, xref: 'table' }));
  const first = await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
  expect(first.status).toBe(200);
  const second = await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 2, x: 300, y: 300 }] });
  expect(second.status).toBe(200);
  const signed = await download(second.body.downloadUrl);

  // One byte of the original document, which both signatures cover: the name of its Info entry.
  const tampered = Buffer.from(signed);
  tampered.write('/Producex', tampered.indexOf('/Producer'), 'latin1');
  // The platform's verdicts first: the Java checks take seconds, longer than the local server keeps an idle connection.
  const report = (await t.api.verify(signed)).body;
  expect(report.signatures.map((s: { indication: string; subFilter: string }) => [s.indication, s.subFilter])).toEqual([
    ['TOTAL_PASSED', 'adbe.pkcs7.detached'],
    ['TOTAL_PASSED', 'adbe.pkcs7.detached'],
  ]);
  expect((await t.api.verify(tampered)).body.verdict).toBe('invalid');

  const checks = bouncyCastleCheck(signed);
  expect(checks).toHaveLength(2);
  for (const check of checks)
    expect(check).toMatchObject({
      subFilter: 'adbe.pkcs7.detached',
      contentInfoType: '1.2.156.10197.6.1.4.2.2',
      contentType: '1.2.156.10197.6.1.4.2.1',
      digestAlgorithm: '1.2.156.10197.1.401',
      signatureAlgorithm: '1.2.156.10197.1.501',
      valid: true,
      problems: [],
    });
  expect(bouncyCastleCheck(tampered).map((check) => check.valid)).toEqual([false, false]);
});

/** The signed PDF's DSS entries (certificates, OCSP answers) as bytes, and its one signature's timestamp token's TSA certificate. */
function dssAndTimestamp(bytes: Uint8Array) {
  const doc = PdfDocument.open(bytes);
  const dss = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('DSS'));
  const streams = (key: string) => (doc.resolve(dss?.get(key)) as PdfValue[]).map((ref) => decodeStream(doc.resolve(ref) as PdfStream));
  const [signature] = findSignatures(doc);
  const cms = readSignedData((signature!.sig.get('Contents') as PdfString).bytes);
  const [token] = cms.signers[0]!.unsignedAttributes.get(OID.signatureTimeStampToken) ?? [];
  return { certs: streams('Certs'), ocsps: streams('OCSPs'), tsaCertificate: readTimestampToken(token!).tsaCertificate! };
}

it('keeps an answer of the SM2 OCSP responder in the DSS: good for the seal, signed SM2-with-SM3 as OpenSSL checks with the distinguishing ID', async () => {
  const documentId = await t.api.upload(lr, '国密签章-长期.pdf', await samplePdf({ pages: 1 }));
  const signed = await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
  expect(signed.status).toBe(200);
  const { ocsps } = dssAndTimestamp(await download(signed.body.downloadUrl));
  // The seal's answer from the SM2 responder, the timestamp's from the P-256 one (next test).
  expect(ocsps).toHaveLength(2);
  const answer = ocsps[0]!;
  const responder = await getServices().store.platformCertificates.get('sm2-ocsp-responder');
  const openssl = new GmOpenssl();
  try {
    openssl.file('dss-ocsp.der', answer);
    const text = openssl.run(['ocsp', '-respin', 'dss-ocsp.der', '-noverify', '-resp_text']).output;
    expect(text.match(/Cert Status: good/g)).toHaveLength(1);
    const responderCertificate = new Uint8Array(Buffer.from(responder!.certificate, 'base64'));
    expect(sm2OcspAnswerVerifies(openssl, 'dss-ocsp', answer, responderCertificate, '1234567812345678')).toEqual({ algorithmHex: SM2_WITH_SM3_ALGORITHM_HEX, verified: true });
  } finally {
    openssl.dispose();
  }
});

it("carries in the DSS the certificate of the TSA that made the signature's timestamp (P-256), not the SM2 TSA's, with its OCSP answer and CRL", async () => {
  requireTools('openssl');
  const documentId = await t.api.upload(lr, '国密签章-时间戳证书.pdf', await samplePdf({ pages: 1 }));
  const signed = await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
  expect(signed.status).toBe(200);
  const bytes = await download(signed.body.downloadUrl);
  const { certs, ocsps, tsaCertificate } = dssAndTimestamp(bytes);
  const has = (der: Uint8Array) => certs.some((c) => Buffer.from(c).equals(Buffer.from(der)));

  const p256 = await platformPki(getServices());
  const sm2 = await gmPlatformPki(getServices());
  expect(Buffer.from(tsaCertificate).equals(Buffer.from(p256.tsa))).toBe(true);
  expect(has(tsaCertificate)).toBe(true);
  expect(has(p256.root)).toBe(true);
  expect(has(sm2.tsa)).toBe(false);

  // The P-256 responder's answer, which openssl verifies with the responder certificate the DSS carries: good for that TSA certificate.
  const responder = await getServices().store.platformCertificates.get('ocsp-responder');
  const responderCertificate = new Uint8Array(Buffer.from(responder!.certificate, 'base64'));
  expect(has(responderCertificate)).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'sm2-pdf-tsa-'));
  try {
    writeFileSync(join(dir, 'ocsp.der'), ocsps[1]!);
    writeFileSync(join(dir, 'responder.pem'), toPem(responderCertificate));
    const run = spawnSync('openssl', ['ocsp', '-respin', join(dir, 'ocsp.der'), '-VAfile', join(dir, 'responder.pem'), '-resp_text'], { encoding: 'utf8' });
    expect(run.stderr).toContain('Response verify OK');
    expect(run.stdout.match(/Cert Status: good/g)).toHaveLength(1);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(`Serial Number: ${readSealCertificate(tsaCertificate).serialNumber.toUpperCase()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // And the P-256 hierarchy's CRL beside the SM2 one, so the TSA certificate's status is known offline either way.
  const doc = PdfDocument.open(bytes);
  const crls = doc.resolve(doc.dict(doc.dict(doc.trailer.get('Root'))?.get('DSS'))?.get('CRLs')) as PdfValue[];
  expect(crls).toHaveLength(2);
});
