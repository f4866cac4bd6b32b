import { createHash } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { download } from '../../../dev/demo/platform-client';
import { claimSm2Seal, startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';
import { ofdFixture } from '../../../test-support/gm/fixtures';
import { independentlyValid, independentVerdicts } from '../../../test-support/gm/ofd-independent';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { asn1Tree, at, bits } from '../../../test-support/gm/asn1parse';
import { independentTimestamp } from '../../../test-support/gm/timestamp-independent';
import { sm2OcspAnswerVerifies, SM2_WITH_SM3_ALGORITHM_HEX } from '../../../test-support/gm/ocsp-independent';
import { encodeValidationData, readValidationData } from '../../engines/ofd/validation-data';
import { getServices } from '../../composition';
import { gmPlatformPki } from '../platform-pki/platform-ca';
import { revokeOneSeal } from '../seal/revoke-one-seal';

/**
 * OFD documents through the API (decision 0175): two companies seal one OFD with their SM2 seals,
 * anyone verifies it without logging in, and OpenSSL alone (no project code) accepts every digest,
 * every signature and the seal maker's; tampering is caught by both; a P-256 seal is refused.
 */
let t: DocumentsStack;
let openssl: GmOpenssl;
const PIN = '258036';
const signers: { token: string; sealId: string; companyName: string }[] = [];
let p256: { token: string; sealId: string };
let twiceSigned: Uint8Array;

const sm2Seal = (legalRep: string, kind: string) => claimSm2Seal(t, legalRep, kind, PIN);

const unpack = (ofd: Uint8Array) => new Map<string, Uint8Array>(Object.entries(unzipSync(ofd)));
const repack = (files: Map<string, Uint8Array>) => zipSync(Object.fromEntries(files));
function changed(ofd: Uint8Array, path: string, change: (bytes: Uint8Array) => Uint8Array): Uint8Array {
  const files = unpack(ofd);
  files.set(path, change(files.get(path)!));
  return repack(files);
}

beforeAll(async () => {
  t = await startDocumentsStack();
  openssl = new GmOpenssl();
  signers.push(await sm2Seal('lr-xinghe', 'contract'), await sm2Seal('lr-huamei', 'contract'));
  // The newly registered company's starter seals are P-256 (the default algorithm).
  const company = t.companyOf('lr-xinchuang');
  const token = await t.api.login(t.person('lr-xinchuang'));
  const seals = (await t.api.expect(200, '印章列表', 'GET', `/v1/companies/${company.creditCode}/seals`, { token })).seals;
  const sealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  await t.api.claimSeal(token, company.creditCode, sealId, PIN);
  p256 = { token, sealId };
}, 240_000);
afterAll(async () => {
  openssl?.dispose();
  await t?.stop();
});

describe('an OFD sealed by two companies with SM2', () => {
  it('is described, signed by one company and then the other, and keeps both signatures valid', async () => {
    const [first, second] = signers as [(typeof signers)[0], (typeof signers)[0]];
    const documentId = await t.api.upload(first.token, '合同.ofd', ofdFixture('helloworld.ofd'));
    const described = await t.api.expect(200, '文件', 'GET', `/v1/documents/${documentId}`, { token: first.token });
    expect(described).toMatchObject({ pages: 1, signatures: 0, state: 'uploaded' });

    const once = await t.api.sign(first.token, documentId, { sealId: first.sealId, pin: PIN, placements: [{ page: 1, x: 100, y: 300 }] });
    expect([once.status, once.body.signatures]).toEqual([200, 1]);
    const onceBytes = await download(once.body.downloadUrl);
    const disposition = decodeURIComponent((await fetch(once.body.downloadUrl)).headers.get('content-disposition') ?? '');
    expect(disposition).toContain('合同（已签章）.ofd');

    const againId = await t.api.upload(second.token, '合同（已签章）.ofd', onceBytes);
    const twice = await t.api.sign(second.token, againId, { sealId: second.sealId, pin: PIN, placements: [{ page: 1, x: 300, y: 300 }] });
    expect([twice.status, twice.body.signatures]).toEqual([200, 2]);
    twiceSigned = await download(twice.body.downloadUrl);

    const report = (await t.api.verify(twiceSigned)).body;
    expect(report).toMatchObject({ verdict: 'valid', indication: 'TOTAL_PASSED', reasons: ['文档包含 2 个电子签章，全部有效'] });
    expect(report.signatures).toHaveLength(2);
    report.signatures.forEach((signature: Record<string, unknown>, i: number) => {
      expect(signature).toMatchObject({
        indication: 'TOTAL_PASSED',
        integrity: 'intact',
        certificateStatus: 'valid',
        subFilter: 'GB/T 38540 SES_Signature v4',
        algorithms: { digest: 'sm3', signature: 'sm2' },
        platform: { sealId: signers[i]!.sealId, companyName: signers[i]!.companyName },
        findings: [],
      });
      expect(signature.sealImageSvg).toContain('<svg');
    });
    // The first signature is followed by the second, which is all that changed after it.
    expect(report.signatures[0]).toMatchObject({ modifiedAfter: 'signatures_only', modifications: [{ code: 'SIGNATURE_ADDED', revision: 2 }] });
    expect(report.signatures[0].reasons[0]).toBe('签章有效：自签章后文档未被篡改，签章者证书可信且签章时有效');
  });

  it('is accepted by OpenSSL alone: every file digest, both signatures over TBS_Sign, and the seal maker signature of each seal', async () => {
    const verdicts = independentVerdicts(openssl, twiceSigned);
    expect(verdicts).toHaveLength(2);
    for (const verdict of verdicts) {
      expect(Object.values(verdict.references).length).toBeGreaterThanOrEqual(5);
      expect(Object.values(verdict.references).every((ok) => ok === true)).toBe(true);
      expect(verdict).toMatchObject({ dataHash: true, signature: true, sealMaker: true, sealFile: true });
    }
    // The second signature protects the first one's files too.
    expect(Object.keys(verdicts[1]!.references)).toEqual(expect.arrayContaining(['/Doc_0/Signs/Sign_0/Signature.xml', '/Doc_0/Signs/Sign_0/SignedValue.dat']));
  });

  it('carries a GB/T 38540 timestamp from the SM2 TSA over each signature value, which OpenSSL accepts and the report shows', async () => {
    const { root } = await gmPlatformPki(getServices());
    const report = (await t.api.verify(twiceSigned)).body;
    const files = unpack(twiceSigned);
    for (const [i, signature] of report.signatures.entries()) {
      const { value, token } = signatureAndToken(files.get(`Doc_0/Signs/Sign_${i}/SignedValue.dat`)!);
      expect(independentTimestamp(openssl, `sign-${i}`, token, value, 'sm3', root)).toEqual({ imprint: true, messageDigest: true, signature: true, chain: true });
      expect(signature.timestamp.valid).toBe(true);
      expect(Math.abs(Date.parse(signature.timestamp.time) - Date.now())).toBeLessThan(10 * 60_000);
      expect(signature.signingTime).toBe(signature.timestamp.time);
    }
  });

  it('keeps each signature’s certificates, CRL and SM2 OCSP answer beside it, in a certs-only CMS file OpenSSL reads and no signature needs to cover', async () => {
    const files = unpack(twiceSigned);
    const responder = await getServices().store.platformCertificates.get('sm2-ocsp-responder');
    const responderCertificate = new Uint8Array(Buffer.from(responder!.certificate, 'base64'));
    for (const i of [0, 1]) {
      const path = `Doc_0/Signs/Sign_${i}/ValidationData.p7c`;
      openssl.file(`vd-${i}.p7c`, files.get(path)!);
      // `openssl cms` reads the OCSP answer as RFC 5940 other revocation info (`pkcs7` knows only certificates and CRLs).
      const printed = openssl.run(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', `vd-${i}.p7c`]);
      expect(printed.status).toBe(0);
      expect(printed.output.match(/d\.certificate:/g)?.length).toBeGreaterThanOrEqual(4);
      expect(printed.output).toContain('d.crl:');
      expect(printed.output).toContain('1.3.6.1.5.5.7.16.2');
      // The answer (taken out by the platform's reader), checked by OpenSSL: good for the seal and the TSA, signed SM2 with the ID.
      const [answer] = readValidationData(files.get(path)!)!.ocsps;
      openssl.file(`vd-${i}-ocsp.der`, answer!);
      const text = openssl.run(['ocsp', '-respin', `vd-${i}-ocsp.der`, '-noverify', '-resp_text']).output;
      expect(text.match(/Cert Status: good/g)).toHaveLength(2);
      expect(sm2OcspAnswerVerifies(openssl, `vd-${i}-ocsp`, answer!, responderCertificate, '1234567812345678')).toEqual({ algorithmHex: SM2_WITH_SM3_ALGORITHM_HEX, verified: true });
    }
    // The second signature protects the first one's validation data; nothing protects its own.
    const verdicts = independentVerdicts(openssl, twiceSigned);
    expect(Object.keys(verdicts[1]!.references)).toContain('/Doc_0/Signs/Sign_0/ValidationData.p7c');
    expect(Object.keys(verdicts[1]!.references)).not.toContain('/Doc_0/Signs/Sign_1/ValidationData.p7c');
  });

  it('catches a changed timestamp: the signature is no longer proven to exist at its time, as OpenSSL finds', async () => {
    const { root } = await gmPlatformPki(getServices());
    const path = 'Doc_0/Signs/Sign_1/SignedValue.dat';
    const tampered = changed(twiceSigned, path, (bytes) => {
      const { value } = signatureAndToken(bytes);
      const imprintAt = Buffer.from(bytes).indexOf(createHash('sm3').update(value).digest());
      const copy = bytes.slice();
      copy[imprintAt] = copy[imprintAt]! ^ 0x01;
      return copy;
    });
    const { value, token } = signatureAndToken(unpack(tampered).get(path)!);
    expect(independentTimestamp(openssl, 'tampered', token, value, 'sm3', root)).toMatchObject({ imprint: false, messageDigest: false });
    const report = (await t.api.verify(tampered)).body;
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED' });
    expect(report.signatures[1]).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_POE', timestamp: { valid: false } });
    expect(report.signatures[1].findings.map((f: { code: string }) => f.code)).toEqual(['TIMESTAMP_INVALID']);
  });

  const flipMiddleByte = (bytes: Uint8Array) => {
    const copy = bytes.slice();
    const middle = Math.floor(copy.length / 2);
    copy[middle] = copy[middle]! ^ 0x01;
    return copy;
  };
  // Moving the second seal on the page: still well-formed XML, but not what was signed.
  const moveStamp = (bytes: Uint8Array) => new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/Boundary="(\d)/, (_m, d: string) => `Boundary="${(Number(d) + 1) % 10}`));
  it.each([
    ['a page', 'Doc_0/Pages/Page_0/Content.xml', flipMiddleByte],
    ['the first seal file', 'Doc_0/Signs/Sign_0/Seal.esl', flipMiddleByte],
    ['the second signature description', 'Doc_0/Signs/Sign_1/Signature.xml', moveStamp],
  ])('catches a change in %s, as OpenSSL does', async (_what, path, change) => {
    const tampered = changed(twiceSigned, path, change);
    expect(tampered).not.toEqual(twiceSigned);
    const report = (await t.api.verify(tampered)).body;
    expect(report.verdict).toBe('invalid');
    const failed = report.signatures.filter((s: { indication: string }) => s.indication === 'TOTAL_FAILED');
    const independentlyFailed = independentVerdicts(openssl, tampered).filter((v) => !independentlyValid(v));
    expect(failed.map((s: { fieldName: string }) => s.fieldName)).toEqual(independentlyFailed.map((v) => v.id));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].reasons[0]).toMatch(/篡改|不一致|校验失败/);
  });
});

describe('refusals', () => {
  it('refuses to sign an OFD with a P-256 seal, in Chinese, storing nothing', async () => {
    const documentId = await t.api.upload(p256.token, '公文.ofd', ofdFixture('helloworld.ofd'));
    const signed = await t.api.sign(p256.token, documentId, { sealId: p256.sealId, pin: PIN, placements: [{ page: 1, x: 100, y: 300 }] });
    expect([signed.status, signed.body.code]).toEqual([422, 'OFD_SEAL_NOT_SM2']);
    expect(signed.body.message).toContain('SM2');
    expect(await t.objectsUnder(`signed/${documentId}/`)).toEqual([]);
  });

  it('answers a package whose entries escape it, or a page that is not there, with a 4xx and a stable code', async () => {
    const escaping = zipSync({ 'OFD.xml': new TextEncoder().encode('<ofd:OFD/>'), '../evil.xml': new Uint8Array([1]) });
    expect([(await t.api.verify(escaping)).status, (await t.api.verify(escaping)).body.code]).toEqual([422, 'OFD_UNREADABLE']);
    const [first] = signers;
    const documentId = await t.api.upload(first!.token, '合同.ofd', ofdFixture('helloworld.ofd'));
    const signed = await t.api.sign(first!.token, documentId, { sealId: first!.sealId, pin: PIN, placements: [{ page: 2, x: 100, y: 300 }] });
    expect([signed.status, signed.body.code]).toEqual([422, 'PDF_PAGE_NOT_FOUND']);
    expect(await t.objectsUnder(`signed/${documentId}/`)).toEqual([]);
  });
});

describe('other platforms’ OFDs, verified without logging in', () => {
  it.each(['SESV4SignDoc.ofd', 'v4signed.ofd', 'V4RideRight.ofd', 'allprotected.ofd'])('%s: each signature is intact exactly when the independent check accepts it', async (name) => {
    const ofd = ofdFixture(name);
    const report = (await t.api.verify(ofd)).body;
    const theirs = independentVerdicts(openssl, ofd);
    expect(report.signatures.map((s: { fieldName: string }) => s.fieldName)).toEqual(theirs.map((v) => v.id));
    report.signatures.forEach((signature: { integrity: string; indication: string; findings: { code: string }[] }, i: number) => {
      expect(signature.integrity === 'intact').toBe(independentlyValid(theirs[i]!));
      expect(signature.indication === 'TOTAL_FAILED').toBe(!independentlyValid(theirs[i]!));
      // Their certificates are not the platform's: never passed here, whatever their cryptography.
      expect(signature.findings.map((f) => f.code)).toContain('CHAIN_UNTRUSTED');
    });
  });
});

describe('an OFD signature at a past time (the platform clock moved on)', () => {
  it('stays valid past its seal’s revocation and its certificate’s expiry with the validation data kept beside it, INDETERMINATE without', async () => {
    const services = getServices();
    const realNow = services.now;
    const signIn = async (signer: (typeof signers)[0]) => {
      const documentId = await t.api.upload(signer.token, '十年合同.ofd', ofdFixture('helloworld.ofd'));
      const signed = await t.api.sign(signer.token, documentId, { sealId: signer.sealId, pin: PIN, placements: [{ page: 1, x: 100, y: 300 }] });
      expect(signed.status).toBe(200);
      return download(signed.body.downloadUrl);
    };
    const expiresLater = await signIn(signers[0]!);
    const revokedLater = await signIn(signers[1]!);
    const withoutData = (ofd: Uint8Array) => {
      const files = unpack(ofd);
      files.delete('Doc_0/Signs/Sign_0/ValidationData.p7c');
      return repack(files);
    };
    // The same file without its CRL: the SM2 responder's answer alone is the revocation data.
    const onlyOcsp = (ofd: Uint8Array) => {
      const path = 'Doc_0/Signs/Sign_0/ValidationData.p7c';
      const data = readValidationData(unpack(ofd).get(path)!)!;
      expect(data.ocsps).toHaveLength(1);
      return changed(ofd, path, () => encodeValidationData({ ...data, crls: [] }));
    };
    const start = Date.now();
    const moveTo = (days: number) => {
      services.now = () => new Date(start + days * 24 * 3600_000);
    };
    const verdictOf = async (ofd: Uint8Array) => {
      const s = (await t.api.verify(ofd)).body.signatures[0];
      return { indication: s.indication, subIndication: s.subIndication, findings: s.findings.map((f: { code: string }) => f.code) };
    };
    try {
      // 注销 a month on; two months on, the platform's records say revoked.
      moveTo(30);
      const seal = await services.store.seals.get(signers[1]!.sealId);
      await revokeOneSeal(services.store, { seal: seal!, as: 'system', actorId: 'system:test', reason: '测试注销', crlReason: 'cessationOfOperation', now: services.now() });
      moveTo(60);
      expect(await verdictOf(revokedLater)).toEqual({ indication: 'TOTAL_PASSED', subIndication: null, findings: [] });
      expect(await verdictOf(onlyOcsp(revokedLater))).toEqual({ indication: 'TOTAL_PASSED', subIndication: null, findings: [] });
      expect(await verdictOf(withoutData(revokedLater))).toEqual({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE', findings: ['REVOCATION_DATA_MISSING'] });

      // Past the seal certificates' year: the timestamp and the CRL kept beside the signature prove it was good when it signed.
      moveTo(400);
      expect(await verdictOf(revokedLater)).toEqual({ indication: 'TOTAL_PASSED', subIndication: null, findings: [] });
      expect(await verdictOf(expiresLater)).toEqual({ indication: 'TOTAL_PASSED', subIndication: null, findings: [] });
      expect(await verdictOf(onlyOcsp(expiresLater))).toEqual({ indication: 'TOTAL_PASSED', subIndication: null, findings: [] });
      expect(await verdictOf(withoutData(expiresLater))).toEqual({ indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE', findings: ['REVOCATION_DATA_MISSING'] });
    } finally {
      services.now = realNow;
    }
  }, 120_000);
});

/** The SM2 signature value and the timestamp token of an SES_Signature, cut out with `openssl asn1parse`. */
function signatureAndToken(signedValue: Uint8Array): { value: Uint8Array; token: Uint8Array } {
  const tree = asn1Tree(openssl, openssl.file('signed-value.der', signedValue));
  const tagged = at(tree, [4]);
  return { value: bits(signedValue, at(tree, [3])), token: bits(signedValue, tagged.children[0] ?? tagged) };
}
