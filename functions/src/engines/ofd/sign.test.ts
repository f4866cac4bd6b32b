import { unzipSync, zipSync } from 'fflate';
import { ofdFixture } from '../../../test-support/gm/fixtures';
import { independentlyValid, independentVerdicts } from '../../../test-support/gm/ofd-independent';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { sm2TestPki, type Sm2TestIdentity } from '../../../test-support/gm/sm2-test-pki';
import { makeSeal } from '../ses';
import { addValidationData, completeOfdSignature, OfdError, prepareOfdSignature, signOfd, verifyOfd } from './index';

/** Two companies seal the same OFD with SM2; OpenSSL confirms every digest and signature. */
let openssl: GmOpenssl;
let maker: Sm2TestIdentity;
let companyA: Sm2TestIdentity;
let companyB: Sm2TestIdentity;
let sealA: Uint8Array;
let sealB: Uint8Array;

beforeAll(async () => {
  openssl = new GmOpenssl();
  const pki = sm2TestPki(openssl, ['Company A', 'Company B']);
  maker = pki.maker;
  [companyA, companyB] = pki.holders as [Sm2TestIdentity, Sm2TestIdentity];
  const seal = (esId: string, name: string, holder: Sm2TestIdentity) =>
    makeSeal(
      {
        vid: 'SEALPLATFORM',
        esId,
        type: 1,
        name,
        signerCertificates: [holder.certificate],
        createDate: new Date(),
        validStart: new Date(Date.now() - 86_400_000),
        validEnd: new Date(Date.now() + 3 * 365 * 86_400_000),
        picture: { type: 'SVG', data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 42 42"><circle cx="21" cy="21" r="20" fill="none" stroke="red"/></svg>'), widthMm: 42, heightMm: 42 },
      },
      maker,
    );
  sealA = await seal('440300000000000A', '甲公司合同专用章', companyA);
  sealB = await seal('440300000000000B', '乙公司合同专用章', companyB);
});
afterAll(() => openssl.dispose());

const signBy = (ofd: Uint8Array, seal: Uint8Array, holder: Sm2TestIdentity, page = 1) =>
  signOfd({ ofd, seal, signerCertificate: holder.certificate, signingTime: new Date(), stamps: [{ page, x: 120, y: 200, width: 42, height: 42 }] }, holder.signer);

const unpack = (ofd: Uint8Array) => new Map(Object.entries(unzipSync(ofd)));
const repack = (files: Map<string, Uint8Array>) => zipSync(Object.fromEntries(files));

describe('signing an OFD with SM2 seals', () => {
  it('signs once: our verifier passes it and OpenSSL accepts every digest, the TBS_Sign signature and the maker signature', async () => {
    const signed = await signBy(ofdFixture('helloworld.ofd'), sealA, companyA);
    const report = verifyOfd(signed);
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signatures[0]).toMatchObject({ format: 'ses-v4', problems: [], seal: { esId: '440300000000000A', matchesSealFile: true, makerSignedOver: 'seal-info' } });
    expect(report.signatures[0]!.stamps).toEqual([{ id: 's002', pageRef: '1', pageIndex: 0, boundary: [120, 200, 42, 42] }]);
    const [theirs] = independentVerdicts(openssl, signed);
    expect(Object.keys(theirs!.references).sort()).toEqual(['/Doc_0/Document.xml', '/Doc_0/Pages/Page_0/Content.xml', '/Doc_0/PublicRes.xml', '/Doc_0/Signs/Sign_0/Seal.esl', '/OFD.xml']);
    expect(independentlyValid(theirs!)).toBe(true);
    expect(theirs).toMatchObject({ signature: true, dataHash: true, sealMaker: true, sealFile: true });
  });

  it('signs twice (two companies): both signatures stay valid, in our verifier and independently', async () => {
    const once = await signBy(ofdFixture('helloworld.ofd'), sealA, companyA);
    const twice = await signBy(once, sealB, companyB);
    const report = verifyOfd(twice);
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signatures.map((s) => [s.id, s.seal?.name, s.unprotectedFiles])).toEqual([
      ['s001', '甲公司合同专用章', []],
      ['s003', '乙公司合同专用章', []],
    ]);
    const theirs = independentVerdicts(openssl, twice);
    expect(theirs.map(independentlyValid)).toEqual([true, true]);
    // The second signature also protects the first one's files.
    expect(Object.keys(theirs[1]!.references)).toEqual(expect.arrayContaining(['/Doc_0/Signs/Sign_0/Signature.xml', '/Doc_0/Signs/Sign_0/SignedValue.dat']));
  });

  it('catches tampering with a protected page, the seal file or the signature description', async () => {
    const twice = await signBy(await signBy(ofdFixture('helloworld.ofd'), sealA, companyA), sealB, companyB);
    const cases: [string, (files: Map<string, Uint8Array>) => void, string[]][] = [
      ['page', (f) => f.set('Doc_0/Pages/Page_0/Content.xml', new TextEncoder().encode(new TextDecoder().decode(f.get('Doc_0/Pages/Page_0/Content.xml')!).replace('>', '> '))), ['REFERENCE_MISMATCH']],
      ['seal', (f) => f.set('Doc_0/Signs/Sign_0/Seal.esl', sealB), ['REFERENCE_MISMATCH', 'SEAL_FILE_MISMATCH']],
      ['description', (f) => f.set('Doc_0/Signs/Sign_1/Signature.xml', new TextEncoder().encode(new TextDecoder().decode(f.get('Doc_0/Signs/Sign_1/Signature.xml')!).replace('Boundary="120', 'Boundary="10'))), ['DATA_HASH_MISMATCH']],
    ];
    for (const [what, tamper, expected] of cases) {
      const files = unpack(twice);
      tamper(files);
      const tampered = repack(files);
      const report = verifyOfd(tampered);
      expect({ what, indication: report.indication }).toEqual({ what, indication: 'TOTAL_FAILED' });
      const failed = report.signatures.filter((s) => s.indication === 'TOTAL_FAILED');
      expect(failed.length).toBeGreaterThan(0);
      for (const problem of expected) expect(failed.flatMap((s) => s.problems)).toContain(problem);
      // The independent check finds a failure in the same signatures.
      expect(independentVerdicts(openssl, tampered).map(independentlyValid)).toEqual(report.signatures.map((s) => s.indication !== 'TOTAL_FAILED'));
    }
  });

  it('reports a file added after signing as unprotected, without failing the signature', async () => {
    const files = unpack(await signBy(ofdFixture('helloworld.ofd'), sealA, companyA));
    files.set('Doc_0/Res/added.png', new Uint8Array([1, 2, 3]));
    const [report] = verifyOfd(repack(files)).signatures;
    expect(report).toMatchObject({ indication: 'TOTAL_PASSED', problems: ['UNPROTECTED_FILES'], unprotectedFiles: ['Doc_0/Res/added.png'] });
  });

  it('puts a 骑缝章 across every page, one clipped slice per page at the right edge', async () => {
    const ofd = ofdFixture('doc1File.ofd');
    const signed = await signOfd(
      { ofd, seal: sealA, signerCertificate: companyA.certificate, signingTime: new Date(), stamps: [], crossPage: { y: 100, width: 40, height: 40 } },
      companyA.signer,
    );
    const [report] = verifyOfd(signed).signatures;
    expect(report!.indication).toBe('TOTAL_PASSED');
    const pages = report!.stamps.length;
    expect(pages).toBeGreaterThan(1);
    const slice = 40 / pages;
    report!.stamps.forEach((stamp, i) => {
      expect(stamp.pageIndex).toBe(i);
      expect(stamp.clip![0]).toBeCloseTo(slice * i, 2);
      expect(stamp.clip![2]).toBeCloseTo(slice, 2);
      // The visible slice ends at the page's right edge (the pages' own Area: 209.90291 mm wide).
      expect(stamp.boundary[0] + stamp.clip![0] + stamp.clip![2]).toBeCloseTo(209.903, 2);
    });
    expect(independentlyValid(independentVerdicts(openssl, signed)[0]!)).toBe(true);
  });

  it('signs in two phases: the TBS_Sign is signed outside (here by openssl, as a token would) and embedded after', async () => {
    const prepared = prepareOfdSignature({ ofd: ofdFixture('helloworld.ofd'), seal: sealA, signerCertificate: companyA.certificate, signingTime: new Date(), stamps: [{ page: 1, x: 10, y: 10, width: 40, height: 40 }] });
    openssl.file('two-phase.tbs', prepared.toBeSigned);
    const signed = openssl.run(['pkeyutl', '-sign', '-inkey', companyA.keyFile, '-rawin', '-digest', 'sm3', '-in', 'two-phase.tbs', '-out', 'two-phase.sig', '-pkeyopt', 'distid:1234567812345678']);
    expect(signed.status).toBe(0);
    const ofd = await completeOfdSignature(prepared, { signature: openssl.read('two-phase.sig') });
    expect(verifyOfd(ofd).indication).toBe('TOTAL_PASSED');
    // A signature by another key never reaches the document.
    openssl.run(['pkeyutl', '-sign', '-inkey', companyB.keyFile, '-rawin', '-digest', 'sm3', '-in', 'two-phase.tbs', '-out', 'wrong.sig', '-pkeyopt', 'distid:1234567812345678']);
    await expect(completeOfdSignature(prepared, { signature: openssl.read('wrong.sig') })).rejects.toThrow(/does not verify/);
  });

  it('lets off only real validation data beside a signature: anything else in its place is a file the signature leaves open (the platform’s verifier: FILES_NOT_PROTECTED)', async () => {
    const signed = await signBy(ofdFixture('helloworld.ofd'), sealA, companyA);
    const kept = verifyOfd(addValidationData(signed, { certificates: [companyA.certificate], crls: [], ocsps: [] })).signatures[0]!;
    expect(kept).toMatchObject({ indication: 'TOTAL_PASSED', unprotectedFiles: [] });
    expect(kept.validationData?.certificates).toEqual([companyA.certificate]);
    const files = unpack(signed);
    files.set('Doc_0/Signs/Sign_0/ValidationData.p7c', new TextEncoder().encode('<ofd:Page/>'));
    expect(verifyOfd(repack(files)).signatures[0]).toMatchObject({ problems: ['UNPROTECTED_FILES'], unprotectedFiles: ['Doc_0/Signs/Sign_0/ValidationData.p7c'] });
  });

  it('refuses what it cannot sign: a seal without the signer, a page that is not there, a document whose signature protects the list', async () => {
    const ofd = ofdFixture('helloworld.ofd');
    const input = { ofd, seal: sealA, signerCertificate: companyB.certificate, signingTime: new Date(), stamps: [{ page: 1, x: 0, y: 0, width: 40, height: 40 }] };
    expect(() => prepareOfdSignature(input)).toThrow(/does not list the signer/);
    expect(() => prepareOfdSignature({ ...input, signerCertificate: companyA.certificate, stamps: [{ page: 2, x: 0, y: 0, width: 40, height: 40 }] })).toThrow(OfdError);
    expect(() => prepareOfdSignature({ ...input, ofd: ofdFixture('allprotected.ofd'), signerCertificate: companyA.certificate })).toThrow(/protects the signature list/);
  });

  it('adds a signature to another platform’s signed document and keeps theirs as it was', async () => {
    const signed = await signBy(ofdFixture('v4signed.ofd'), sealB, companyB);
    const report = verifyOfd(signed);
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(independentVerdicts(openssl, signed).map(independentlyValid)).toEqual([true, true]);
  });
});
