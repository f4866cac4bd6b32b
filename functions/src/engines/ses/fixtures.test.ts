import { ofdFixture } from '../../../test-support/gm/fixtures';
import { asn1Tree, at, bits, content, element, opensslVerifiesWithCertificate } from '../../../test-support/gm/asn1parse';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { sm3 } from '../gm';
import { assembleSeal, assembleSesSignature, checkSeal, checkSesSignature, readSeal, readSesSignature, sealInfoDer, SesError, tbsSignDer, type Seal } from './index';

/**
 * The GB/T 38540 samples made by ofdrw: read, re-encoded byte for byte, and judged the way an
 * independent OpenSSL check judges them.
 */
let openssl: GmOpenssl;
beforeAll(() => {
  openssl = new GmOpenssl();
});
afterAll(() => openssl.dispose());

const ID = '1234567812345678';
const userV4 = ofdFixture('UserV4.esl');
const userV1 = ofdFixture('UserV1.esl');
const signedValueV4 = ofdFixture('SignedValueV4.dat');
const signatureXml = ofdFixture('Signature.xml');

/** Everything needed to write a seal again, taken from the seal as read. */
const contentOf = (seal: Seal) => ({
  vid: seal.vid,
  esId: seal.esId,
  type: seal.type,
  name: seal.name,
  signerCertificates: seal.signerCertificates,
  createDate: seal.createDate,
  validStart: seal.validStart,
  validEnd: seal.validEnd,
  picture: seal.picture,
  extensions: seal.extensions,
});

describe('reading and re-encoding the samples', () => {
  it('reads the v4 seal and writes the same bytes from what it read', () => {
    const seal = readSeal(userV4);
    expect(seal).toMatchObject({ version: 4, vid: 'OFDR&WTest', esId: '51f044b76510434e9bc67a1185c2fba5', type: 3, name: 'OFD R&W 测试用印章', certListType: 1 });
    expect(seal.picture).toMatchObject({ type: 'PNG', widthMm: 40, heightMm: 40 });
    expect(seal.validStart.toISOString()).toBe('2020-04-22T02:09:00.000Z');
    expect(seal.validEnd.toISOString()).toBe('2022-04-22T02:09:00.000Z');
    const again = assembleSeal(sealInfoDer(contentOf(seal)), seal.makerCertificate, seal.makerSignature);
    expect(Buffer.from(again).equals(Buffer.from(userV4))).toBe(true);
  });

  it('reads the v4 seal signature and writes the same bytes from what it read', () => {
    const signature = readSesSignature(signedValueV4);
    expect(signature).toMatchObject({ version: 4, propertyInfo: '/Doc_0/Signs/Sign_0/Signature.xml' });
    expect(signature.timeInfo?.toISOString()).toBe('2020-10-12T11:14:03.000Z');
    const seal = readSeal(signature.seal.der);
    const rebuiltSeal = assembleSeal(sealInfoDer(contentOf(seal)), seal.makerCertificate, seal.makerSignature);
    const tbs = tbsSignDer({ seal: rebuiltSeal, signingTime: signature.timeInfo!, dataHash: signature.dataHash, propertyInfo: signature.propertyInfo, extensions: signature.extensions });
    const again = assembleSesSignature({ toBeSigned: tbs, signerCertificate: signature.signerCertificate, signature: signature.signature });
    expect(Buffer.from(again).equals(Buffer.from(signedValueV4))).toBe(true);
  });

  it('reads the GM/T 0031 v1 seal', () => {
    const seal = readSeal(userV1);
    expect(seal).toMatchObject({ version: 1, vid: 'OFDR&WTest', esId: '40C8CDD24DEF43388B86E62CCE1D6832', name: 'OFDRW测试用印章' });
    expect(seal.signerCertificates).toHaveLength(1);
    expect(seal.validEnd.toISOString()).toBe('2022-04-22T02:18:07.000Z');
  });

  it('refuses what is not a seal', () => {
    expect(() => readSeal(new Uint8Array([0x30, 0x00]))).toThrow(SesError);
    expect(() => readSeal(signedValueV4)).toThrow(SesError);
    expect(() => readSesSignature(userV4)).toThrow(SesError);
  });
});

describe('verdicts on the samples, against OpenSSL', () => {
  it('the v4 seal maker signed the seal info: ours and OpenSSL agree', () => {
    const tree = asn1Tree(openssl, openssl.file('v4.esl', userV4));
    const independent = opensslVerifiesWithCertificate(openssl, 'v4-maker', content(userV4, at(tree, [1])), element(userV4, at(tree, [0])), bits(userV4, at(tree, [3])), ID);
    expect(independent).toBe(true);
    const check = checkSeal(userV4, { at: new Date('2021-01-01T00:00:00Z') });
    expect(check).toMatchObject({ makerSignature: 'valid', makerSignedOver: 'seal-info', validity: 'within' });
    expect(checkSeal(userV4, { at: new Date('2026-01-01T00:00:00Z') }).validity).toBe('expired');
  });

  it('the v1 seal maker signed SEQUENCE { sealInfo, cert, algorithm }: ours and OpenSSL agree', () => {
    const tree = asn1Tree(openssl, openssl.file('v1.esl', userV1));
    const signInfo = at(tree, [1]);
    const signed = Buffer.concat([element(userV1, at(tree, [0])), element(userV1, at(signInfo, [0])), element(userV1, at(signInfo, [1]))]);
    const sequence = Buffer.concat([Buffer.from([0x30, 0x82, signed.length >> 8, signed.length & 0xff]), signed]);
    expect(opensslVerifiesWithCertificate(openssl, 'v1-maker', content(userV1, at(signInfo, [0])), sequence, bits(userV1, at(signInfo, [2])), ID)).toBe(true);
    expect(checkSeal(userV1, { at: new Date('2021-01-01T00:00:00Z') })).toMatchObject({ makerSignature: 'valid', makerSignedOver: 'seal-info-cert-algorithm' });
  });

  it('SignedValueV4.dat: a valid SM2 signature over TBS_Sign whose dataHash is not SM3 of the sample Signature.xml', () => {
    const tree = asn1Tree(openssl, openssl.file('sv4.dat', signedValueV4));
    const tbs = at(tree, [0]);
    const signerCertificate = content(signedValueV4, at(tree, [1]));
    expect(opensslVerifiesWithCertificate(openssl, 'sv4', signerCertificate, element(signedValueV4, tbs), bits(signedValueV4, at(tree, [3])), ID)).toBe(true);
    // The data hash in TBS_Sign against `openssl dgst -sm3` of the sample Signature.xml.
    const { output } = openssl.run(['dgst', '-sm3', '-r', openssl.file('Signature.xml', signatureXml)]);
    const independentMatch = output.split(' ')[0] === Buffer.from(bits(signedValueV4, at(tbs, [3]))).toString('hex');
    expect(independentMatch).toBe(false);

    const check = checkSesSignature(signedValueV4, signatureXml);
    expect(check).toMatchObject({ signatureValue: 'valid', dataHash: 'mismatch', signerListedInSeal: true, signerCertificateValidity: 'within' });
    expect(check.seal).toMatchObject({ makerSignature: 'valid', validity: 'within' });
    // The same signature is fine for data whose SM3 it does carry: here, 32 zero bytes' preimage is unknown, so only the mismatch is checked.
    expect(Buffer.from(check.signature.dataHash).equals(Buffer.alloc(32))).toBe(true);
    expect(sm3(signatureXml)).not.toEqual(check.signature.dataHash);
  });
});

describe('one changed byte anywhere', () => {
  /**
   * Positions to flip: the first 64 bytes and the last 200 (headers, times, hashes, algorithm,
   * signature) all, every 41st byte elsewhere, every 211th inside the 15 KiB PNG (each check costs two
   * SM2 verifications, so all 17 000 would take minutes).
   */
  function positions(der: Uint8Array, skip: { start: number; end: number }): number[] {
    const out: number[] = [];
    for (let i = 0; i < der.length; i++) {
      const inPicture = i >= skip.start && i < skip.end;
      if (i < 64 || i >= der.length - 200 || (inPicture ? (i - skip.start) % 211 === 0 : i % 41 === 0)) out.push(i);
    }
    return out;
  }
  const flipped = (der: Uint8Array, i: number) => {
    const copy = new Uint8Array(der);
    copy[i]! ^= 0x01;
    return copy;
  };

  it('is refused in the seal signature: by the reader or by a signature, dataHash or certificate-list check', () => {
    const tree = asn1Tree(openssl, openssl.file('sv4b.dat', signedValueV4));
    const png = at(tree, [0, 1, 0, 3, 1]);
    const dataHash = checkSesSignature(signedValueV4, signatureXml).signature.dataHash;
    let refused = 0;
    const accepted: number[] = [];
    for (const i of positions(signedValueV4, { start: png.offset + png.headerLength, end: png.offset + png.headerLength + png.length })) {
      let ok: boolean;
      try {
        const check = checkSesSignature(flipped(signedValueV4, i), signatureXml);
        ok = check.signatureValue === 'valid' && check.signerListedInSeal && check.seal.makerSignature === 'valid' && Buffer.from(check.signature.dataHash).equals(Buffer.from(dataHash));
      } catch (error) {
        expect(error).toBeInstanceOf(SesError);
        ok = false;
      }
      if (ok) accepted.push(i);
      else refused++;
    }
    expect(accepted).toEqual([]);
    expect(refused).toBeGreaterThan(200);
  });

  it('is refused in the seal, except inside the maker certificate outside its key, which only its chain can catch', () => {
    const tree = asn1Tree(openssl, openssl.file('v4b.esl', userV4));
    const png = at(tree, [0, 3, 1]);
    const certificate = at(tree, [1]);
    const accepted: number[] = [];
    for (const i of positions(userV4, { start: png.offset + png.headerLength, end: png.offset + png.headerLength + png.length })) {
      let ok: boolean;
      try {
        ok = checkSeal(flipped(userV4, i)).makerSignature === 'valid';
      } catch (error) {
        expect(error).toBeInstanceOf(SesError);
        ok = false;
      }
      if (ok) accepted.push(i);
    }
    // Whatever passed changed the maker certificate's bytes (not its key): the certificate is no longer
    // the one its issuer signed, which the chain check (PKI) refuses; the seal check reports the changed certificate.
    const certStart = certificate.offset + certificate.headerLength;
    const certEnd = certStart + certificate.length;
    expect(accepted.filter((i) => i < certStart || i >= certEnd)).toEqual([]);
    for (const i of accepted.slice(0, 5)) {
      expect(Buffer.from(checkSeal(flipped(userV4, i)).seal.makerCertificate).equals(Buffer.from(content(userV4, certificate)))).toBe(false);
    }
  });
});
