import { InMemorySm2Signer } from '../../gm';
import { completeSignedData, prepareSignedData } from '../../pki/signed-data';
import { signatureAlgorithm } from '../../pki/algorithms';
import { OID } from '../../pki/oids';
import { completePdfSignature, preparePdfSignature, signPdf } from '../sign/sign-pdf';
import { verifyPdf } from '../verify';
import { findSignatures } from '../verify/find-signatures';
import { PdfDocument } from '../syntax/document';
import { fillContents } from '../sign/signature-placeholder';
import { FIXED_TIME, fixedSigning, type FixedSigning } from '../../../../test-support/pdf/fixed-signing';
import { patchLast } from '../../../../test-support/pdf/tamper';
import { bouncyCastleCheck } from '../../../../test-support/gm/bouncy-castle';

/**
 * SM2 PDF signatures are GB/T 35275 SignedData under adbe.pkcs7.detached (decision 0180). Bouncy
 * Castle, run by Java on its own (no code of the platform in the check path), accepts every SM2
 * signature the engine makes and rejects a tampered document; our verifier agrees, and still
 * accepts an SM2 signature in the RFC 5652 form SM2 seals wrote before.
 */
let sm2: FixedSigning;
beforeAll(async () => {
  sm2 = await fixedSigning({ root: InMemorySm2Signer.generate(), tsa: InMemorySm2Signer.generate(), seal: InMemorySm2Signer.generate() });
});

const request = (pdf: Uint8Array, page = 1) => ({
  pdf,
  certificateChain: sm2.chain,
  placements: [{ page, x: 380, y: 80 }],
  appearance: sm2.appearance,
  signingTime: FIXED_TIME,
  reason: '深圳市示例科技有限公司 合同专用章',
});
const sign = (pdf: Uint8Array, page = 1) => signPdf({ ...request(pdf, page), signer: sm2.sealSigner, timestamp: sm2.timestamp });
const verify = (pdf: Uint8Array) => verifyPdf(pdf, { trustedRoots: [sm2.root], now: FIXED_TIME });

const GB_T_35275 = {
  subFilter: 'adbe.pkcs7.detached',
  contentInfoType: '1.2.156.10197.6.1.4.2.2',
  contentType: '1.2.156.10197.6.1.4.2.1',
  digestAlgorithm: '1.2.156.10197.1.401',
  signatureAlgorithm: '1.2.156.10197.1.501',
  digestMatches: true,
  signatureValid: true,
  valid: true,
  problems: [],
};

it('writes a GB/T 35275 SignedData that Bouncy Castle accepts, for both of two SM2 signatures, and our verifier agrees', async () => {
  const twice = await sign(await sign(sm2.pdf), 2);
  expect(findSignatures(PdfDocument.open(twice)).map((s) => s.sig.name('SubFilter'))).toEqual(['adbe.pkcs7.detached', 'adbe.pkcs7.detached']);
  expect(bouncyCastleCheck(twice)).toEqual([GB_T_35275, GB_T_35275].map((v) => ({ ...v, signer: expect.stringContaining('CN=') })));
  const report = await verify(twice);
  expect(report).toMatchObject({ verdict: 'valid', indication: 'TOTAL_PASSED' });
  expect(report.signatures.map((s) => [s.indication, s.subFilter, s.algorithms, s.timestamp?.valid])).toEqual([
    ['TOTAL_PASSED', 'adbe.pkcs7.detached', { digest: 'sm3', signature: 'sm2' }, true],
    ['TOTAL_PASSED', 'adbe.pkcs7.detached', { digest: 'sm3', signature: 'sm2' }, true],
  ]);
});

it('is rejected by Bouncy Castle and by our verifier when one signed byte of the document changes', async () => {
  const signed = await sign(sm2.pdf);
  const tampered = patchLast(signed, 'Contract page 1', 'Contract page 7');
  const [check] = bouncyCastleCheck(tampered);
  expect(check).toMatchObject({ valid: false, digestMatches: false, signatureValid: true });
  expect(check!.problems).toContain('message-digest is not the SM3 digest of the byte ranges');
  expect((await verify(tampered)).verdict).toBe('invalid');
});

it('is rejected by Bouncy Castle when the signature value is not over the signed attributes', async () => {
  const prepared = preparePdfSignature({ ...request(sm2.pdf), algorithm: 'sm2-sm3' });
  // A real SM2 signature by the seal's key, over other attributes: the engine refuses to embed it, so write it as an attacker would.
  const other = await sm2.sealSigner.signDigest(signatureAlgorithm('sm2-sm3').digestToSign(new Uint8Array(32), await sm2.sealSigner.publicKeySpki()));
  const forged = Buffer.from(prepared.pdf);
  fillContents(forged, { contentsStart: prepared.contents.start }, completeSignedData(prepared.cms, other));
  const [check] = bouncyCastleCheck(forged);
  expect(check).toMatchObject({ valid: false, digestMatches: true, signatureValid: false });
  expect((await verify(forged)).verdict).toBe('invalid');
});

it('still verifies an SM2 signature in the RFC 5652 form (ETSI.CAdES.detached, id-data) that SM2 seals wrote before', async () => {
  const prepared = preparePdfSignature({ ...request(sm2.pdf), algorithm: 'sm2-sm3' });
  const pdf = Buffer.from(patchLast(prepared.pdf, '/adbe.pkcs7.detached', '/ETSI.CAdES.detached'));
  const contentDigest = signatureAlgorithm('sm2-sm3').hash.digest(pdf.subarray(0, prepared.contents.start), pdf.subarray(prepared.contents.end));
  const cms = prepareSignedData({ ...prepared.cms, contentType: OID.data, contentDigest });
  const older = await completePdfSignature({ ...prepared, pdf, cms, digestToSign: cms.digestToSign }, await sm2.sealSigner.signDigest(cms.digestToSign), sm2.timestamp);
  expect((await verify(older)).signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED', subFilter: 'ETSI.CAdES.detached' });
  // Bouncy Castle's check is of the GB/T 35275 form, and says this is not it.
  expect(bouncyCastleCheck(older)[0]).toMatchObject({ valid: false, contentInfoType: OID.signedData, digestMatches: true, signatureValid: true });
});
