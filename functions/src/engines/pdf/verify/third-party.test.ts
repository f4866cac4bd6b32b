import { spawnSync } from 'node:child_process';
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDF, type Signer, type TimestampAuthority } from '@libpdf/core';
import { pdfsig, ThirdPartyPki, type LeafKind } from '../../../../test-support/pdf/third-party';
import { foreignSign } from '../../../../test-support/pdf/foreign-signer';
import { samplePdf } from '../../../../test-support/pdf/sample-pdf';
import { createTestPki, testTimestamp, type TestPki } from '../../../../test-support/pdf/pki-fixture';
import { toPem } from '../../pki/pem';
import { checkByteRange } from './byte-range';
import { findSignatures } from './find-signatures';
import { PdfDocument } from '../syntax/document';
import { verifyPdf } from '../verify';
import { requireTools } from '../../../../test-support/tools';

/**
 * Signatures made elsewhere get the verdict poppler's pdfsig gives them: CMS made by `openssl cms`
 * (with and without signed attributes, BER, RSA PKCS#1 v1.5 and PSS, ECDSA P-256/384/521) and PDFs
 * signed by @libpdf/core (adbe.pkcs7.detached, PAdES B-T, a document timestamp). pdfsig 22.12 cannot
 * judge ETSI.RFC3161 document timestamps ("Unable to validate this type of signature"): those are
 * compared with `openssl ts -verify` instead. SHA-1 and RSA-1024, which pdfsig accepts, are reported weak.
 */
describe('third-party signatures judged as pdfsig judges them', () => {
  beforeAll(() => requireTools('pdfsig', 'certutil', 'openssl'));
  let tp: ThirdPartyPki;
  let platform: TestPki;
  let base: Uint8Array;
  const trusted = () => [tp.rootDer, platform.root];
  const trustedPem = () => [tp.rootPem, toPem(platform.root)];
  beforeAll(async () => {
    tp = new ThirdPartyPki();
    platform = await createTestPki({ now: new Date(Date.now() - 60_000) });
    base = await samplePdf({ pages: 2 });
  });
  afterAll(() => tp?.dispose());

  const cases: [string, LeafKind, Parameters<ThirdPartyPki['cms']>[2], 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached'][] = [
    ['RSA PKCS#1 v1.5, SHA-256, signed attributes', 'rsa', {}, 'adbe.pkcs7.detached'],
    ['RSA PKCS#1 v1.5 without signed attributes', 'rsa', { noattr: true }, 'adbe.pkcs7.detached'],
    ['RSA, BER with indefinite lengths (streaming signer)', 'rsa', { stream: true }, 'adbe.pkcs7.detached'],
    ['RSASSA-PSS', 'rsa', { pss: true }, 'adbe.pkcs7.detached'],
    ['ECDSA P-256', 'p256', {}, 'adbe.pkcs7.detached'],
    ['ECDSA P-384, SHA-384', 'p384', { md: 'sha384' }, 'adbe.pkcs7.detached'],
    ['ECDSA P-521, SHA-512', 'p521', { md: 'sha512' }, 'adbe.pkcs7.detached'],
    ['CAdES (ESS signing-certificate-v2) as ETSI.CAdES.detached', 'p256', { cades: true }, 'ETSI.CAdES.detached'],
  ];

  it.each(cases)('openssl cms: %s → TOTAL_PASSED, as pdfsig says', async (_label, kind, options, subFilter) => {
    const signed = await foreignSign(base, { subFilter, contents: (c) => tp.cms(kind, c, options) });
    const report = await verifyPdf(signed, { trustedRoots: trusted() });
    expect(report.signatures.map((s) => s.indication)).toEqual((await pdfsig(signed, trustedPem())).verdicts);
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED', integrity: 'intact' });
  });

  it('reads BER: the CMS really has indefinite lengths', () => {
    const cms = tp.cms('rsa', new Uint8Array([1, 2, 3]), { stream: true });
    expect(cms[1]).toBe(0x80);
  });

  it('says INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND where pdfsig says the issuer is not trusted', async () => {
    const signed = await foreignSign(base, { contents: (c) => tp.cms('p256', c) });
    const report = await verifyPdf(signed, { trustedRoots: [platform.root] });
    expect((await pdfsig(signed, [toPem(platform.root)])).verdicts).toEqual(['INDETERMINATE']);
    expect(report.signatures[0]).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
  });

  it('says TOTAL_FAILED where pdfsig finds a digest mismatch', async () => {
    const signed = Buffer.from(await foreignSign(base, { contents: (c) => tp.cms('rsa', c, { noattr: true }) }));
    signed[300] = signed[300]! ^ 0x20;
    const report = await verifyPdf(signed, { trustedRoots: trusted() });
    expect((await pdfsig(signed, trustedPem())).verdicts).toEqual(['TOTAL_FAILED']);
    expect(report.signatures[0]!.indication).toBe('TOTAL_FAILED');
  });

  it.each([
    ['SHA-1', 'rsa', { md: 'sha1' }],
    ['RSA-1024', 'rsa1024', {}],
  ] as const)('reports %s as weak (INDETERMINATE / CRYPTO_CONSTRAINTS_FAILURE_NO_POE) where pdfsig accepts it', async (_label, kind, options) => {
    const signed = await foreignSign(base, { contents: (c) => tp.cms(kind, c, options) });
    const report = await verifyPdf(signed, { trustedRoots: trusted() });
    expect((await pdfsig(signed, trustedPem())).verdicts).toEqual(['TOTAL_PASSED']);
    expect(report.signatures[0]).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', integrity: 'intact' });
    expect(report.signatures[0]!.findings.map((f) => f.code)).toEqual(['WEAK_ALGORITHM']);
  });

  describe('@libpdf/core', () => {
    let signer: Signer;
    let tsa: TimestampAuthority;
    beforeAll(() => {
      const leaf = tp.leaf('p256');
      const key = createPrivateKey(readFileSync(leaf.key));
      signer = {
        certificate: leaf.der,
        certificateChain: [tp.rootDer],
        keyType: 'EC',
        signatureAlgorithm: 'ECDSA',
        sign: async (data, algorithm) => new Uint8Array(nodeSign(algorithm.replace('-', '').toLowerCase(), data, { key, dsaEncoding: 'der' })),
      };
      // genTime is the moment of the request, after the leaf certificate was made.
      tsa = { timestamp: (digest) => testTimestamp(platform, new Date())(digest) };
    });

    it.each(['adbe.pkcs7.detached', 'ETSI.CAdES.detached'] as const)('%s (PAdES B-T for CAdES) → TOTAL_PASSED, as pdfsig says', async (subFilter) => {
      const pdf = await PDF.load(base);
      const { bytes } = await pdf.sign({ signer, subFilter, ...(subFilter === 'ETSI.CAdES.detached' ? { level: 'B-T' as const, timestampAuthority: tsa } : {}) });
      const report = await verifyPdf(bytes, { trustedRoots: trusted() });
      expect(report.signatures.map((s) => s.indication)).toEqual((await pdfsig(bytes, trustedPem())).verdicts);
      expect(report.verdict).toBe('valid');
      if (subFilter === 'ETSI.CAdES.detached') expect(report.signatures[0]!.timestamp?.valid).toBe(true);
    });

    it('a document timestamp after a signature: both pass; openssl ts -verify agrees on the timestamp', async () => {
      const signed = await (await PDF.load(base)).sign({ signer, subFilter: 'adbe.pkcs7.detached' });
      const { bytes } = await (await PDF.load(signed.bytes)).addTimestamp({ timestampAuthority: tsa });
      const report = await verifyPdf(bytes, { trustedRoots: trusted() });
      expect(report.signatures.map((s) => [s.kind, s.indication])).toEqual([
        ['signature', 'TOTAL_PASSED'],
        ['document_timestamp', 'TOTAL_PASSED'],
      ]);
      expect(report.signatures[0]!.modifications.map((m) => m.code)).toEqual(['DOCUMENT_TIMESTAMP_ADDED']);
      expect((await pdfsig(bytes, trustedPem())).verdicts[0]).toBe('TOTAL_PASSED');
      // The independent check of the document timestamp: openssl ts -verify over the signed ranges.
      const doc = PdfDocument.open(bytes);
      const ts = findSignatures(doc)[1]!;
      const range = checkByteRange(doc, ts.sigRef, ts.sig);
      const content = Buffer.concat(range.ranges!.map(([s, l]) => bytes.subarray(s, s + l)));
      const file = (fileName: string, data: Uint8Array | string) => {
        writeFileSync(join(tp.dir, fileName), data);
        return join(tp.dir, fileName);
      };
      const run = spawnSync(
        'openssl',
        ['ts', '-verify', '-token_in', '-in', file('token.der', range.cms!), '-data', file('data.bin', content), '-CAfile', file('platform-root.pem', toPem(platform.root)), '-untrusted', file('tsa.pem', toPem(platform.tsa))],
        { encoding: 'utf8' },
      );
      expect(run.stdout + run.stderr).toContain('Verification: OK');
      const tampered = Buffer.from(bytes);
      const at = range.ranges![1]![0] + 5;
      tampered[at] = tampered[at]! ^ 0x01;
      const broken = await verifyPdf(tampered, { trustedRoots: trusted() });
      expect(broken.signatures[1]!.indication).toBe('TOTAL_FAILED');
    });
  });
});
