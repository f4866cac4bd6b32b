import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { download } from '../../../dev/demo/platform-client';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';
import { bouncyCastleCheck } from '../../../test-support/gm/bouncy-castle';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { sm2OcspAnswerVerifies, SM2_WITH_SM3_ALGORITHM_HEX } from '../../../test-support/gm/ocsp-independent';
import { PdfDocument } from '../../engines/pdf/syntax/document';
import { decodeStream } from '../../engines/pdf/syntax/filters';
import type { PdfStream, PdfValue } from '../../engines/pdf/syntax/objects';
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

it('signs a PDF with an SM2 seal, and the verifier finds it valid: SM3 digests, certificate from the SM2 root, SM2 timestamp', async () => {
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

it('keeps an answer of the SM2 OCSP responder in the DSS: good for the seal and the SM2 TSA, signed SM2-with-SM3 as OpenSSL checks with the distinguishing ID', async () => {
  const documentId = await t.api.upload(lr, '国密签章-长期.pdf', await samplePdf({ pages: 1 }));
  const signed = await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
  expect(signed.status).toBe(200);
  const bytes = await download(signed.body.downloadUrl);
  const doc = PdfDocument.open(bytes);
  const ocsps = doc.resolve(doc.dict(doc.dict(doc.trailer.get('Root'))?.get('DSS'))?.get('OCSPs')) as PdfValue[];
  expect(ocsps).toHaveLength(1);
  const answer = decodeStream(doc.resolve(ocsps[0]!) as PdfStream);
  const responder = await getServices().store.platformCertificates.get('sm2-ocsp-responder');
  const openssl = new GmOpenssl();
  try {
    openssl.file('dss-ocsp.der', answer);
    const text = openssl.run(['ocsp', '-respin', 'dss-ocsp.der', '-noverify', '-resp_text']).output;
    expect(text.match(/Cert Status: good/g)).toHaveLength(2);
    const responderCertificate = new Uint8Array(Buffer.from(responder!.certificate, 'base64'));
    expect(sm2OcspAnswerVerifies(openssl, 'dss-ocsp', answer, responderCertificate, '1234567812345678')).toEqual({ algorithmHex: SM2_WITH_SM3_ALGORITHM_HEX, verified: true });
  } finally {
    openssl.dispose();
  }
});
