import { asn1Tree, at, content } from '../../../test-support/gm/asn1parse';
import { ofdFixture } from '../../../test-support/gm/fixtures';
import { independentlyValid, independentVerdicts, type IndependentVerdict } from '../../../test-support/gm/ofd-independent';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { verifyOfd, type OfdSignatureReport } from './index';

/**
 * Other platforms' seals (ofdrw's samples and a tax-bureau invoice): our verdict agrees with the
 * independent OpenSSL check, signature by signature and file by file.
 */
let openssl: GmOpenssl;
beforeAll(() => {
  openssl = new GmOpenssl();
});
afterAll(() => openssl.dispose());

function expectAgreement(ours: OfdSignatureReport, theirs: IndependentVerdict): void {
  expect(ours.id).toBe(theirs.id);
  const ourReferences = Object.fromEntries(ours.references.map((r) => [`/${r.path}`, r.outcome === 'match' ? true : r.outcome === 'missing' ? undefined : false]));
  expect(ourReferences).toEqual(theirs.references);
  if (theirs.signature !== undefined) expect(ours.signatureValue === 'valid').toBe(theirs.signature);
  if (theirs.dataHash !== undefined) expect(ours.dataHash === 'match').toBe(theirs.dataHash);
  if (theirs.sealMaker !== undefined) expect(ours.seal?.makerSignature === 'valid').toBe(theirs.sealMaker);
  if (theirs.sealFile !== undefined) expect(ours.seal?.matchesSealFile).toBe(theirs.sealFile);
  // Cryptographic failure in one is failure in the other.
  expect(ours.indication === 'TOTAL_FAILED').toBe(!independentlyValid(theirs));
}

describe.each(['SESV4SignDoc.ofd', 'v4signed.ofd', 'V4RideRight.ofd', 'allprotected.ofd'])('%s', (name) => {
  it('gets the verdict the independent OpenSSL check gives, for every signature', () => {
    const ofd = ofdFixture(name);
    const theirs = independentVerdicts(openssl, ofd);
    const ours = verifyOfd(ofd).signatures;
    expect(theirs.length).toBeGreaterThan(0);
    expect(ours).toHaveLength(theirs.length);
    ours.forEach((report, i) => expectAgreement(report, theirs[i]!));
  });
});

describe('verdicts in detail', () => {
  it('SESV4SignDoc: intact and validly signed, but signed in 2026 with a seal valid until 2022', () => {
    const [report] = verifyOfd(ofdFixture('SESV4SignDoc.ofd')).signatures;
    expect(report).toMatchObject({ format: 'ses-v4', indication: 'INDETERMINATE', signatureValue: 'valid', dataHash: 'match' });
    expect(report!.problems).toEqual(['SEAL_NOT_VALID_AT_SIGNING_TIME', 'SIGNER_CERTIFICATE_NOT_VALID_AT_SIGNING_TIME']);
    expect(report!.seal).toMatchObject({ validityAtSigning: 'expired', makerSignature: 'valid', matchesSealFile: true });
  });

  it('v4signed (an e-invoice): passes, its seal carried only inside SignedValue.dat', () => {
    const [report] = verifyOfd(ofdFixture('v4signed.ofd')).signatures;
    expect(report).toMatchObject({ indication: 'TOTAL_PASSED', problems: [], seal: { name: '测试全国统一发票监制章国家税务总局重庆市税务局', validityAtSigning: 'within' } });
    expect(report!.stamps).toEqual([{ id: '1', pageRef: '1', pageIndex: 0, boundary: [90, 8, 30, 20] }]);
  });

  it('V4RideRight: a 骑缝章 across five pages, each slice clipped', () => {
    const [report] = verifyOfd(ofdFixture('V4RideRight.ofd')).signatures;
    expect(report!.indication).toBe('TOTAL_PASSED');
    expect(report!.stamps.map((s) => [s.pageIndex, s.clip])).toEqual([
      [0, [0, 0, 8, 40]],
      [1, [8, 0, 8, 40]],
      [2, [16, 0, 8, 40]],
      [3, [24, 0, 8, 40]],
      [4, [32, 0, 8, 40]],
    ]);
  });

  it('DigitalSign: a bare SM2 signature value with no certificate is indeterminate, and valid with the certificate that made it', () => {
    const ofd = ofdFixture('DigitalSign.ofd');
    const [alone] = verifyOfd(ofd).signatures;
    expect(alone).toMatchObject({ format: 'sm2-signature-value', indication: 'INDETERMINATE', problems: ['NO_SIGNER_CERTIFICATE'] });
    // ofdrw's test user: the certificate its v4 sample seal lists (cut out with openssl asn1parse).
    const seal = ofdFixture('UserV4.esl');
    const userCertificate = content(seal, at(asn1Tree(openssl, openssl.file('user.esl', seal)), [0, 2, 3, 0]));
    const [theirs] = independentVerdicts(openssl, ofd, { bareSignatureCertificate: userCertificate });
    expect(theirs!.signature).toBe(true);
    const [withKey] = verifyOfd(ofd, { knownSigners: [ofdFixture('UserV1.esl').subarray(0, 10), userCertificate] }).signatures;
    expect(withKey).toMatchObject({ indication: 'TOTAL_PASSED', signatureValue: 'valid' });
    expectAgreement(withKey!, theirs!);
  });
});
