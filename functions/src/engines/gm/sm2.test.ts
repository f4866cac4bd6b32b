import { randomBytes } from 'node:crypto';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import {
  DEFAULT_SM2_DISTINGUISHING_ID,
  GmError,
  InMemorySm2Signer,
  sm2MessageDigest,
  sm2PrivateKeyFromSeed,
  sm2PublicKeyFromSpki,
  sm2PublicKeyOf,
  sm3,
  verifySm2,
  verifySm2Digest,
} from './index';

let openssl: GmOpenssl;
beforeAll(() => {
  openssl = new GmOpenssl();
});
afterAll(() => openssl.dispose());

/** An SM2 key made by OpenSSL: its PKCS#8 DER and its public key as DER SPKI. */
function opensslKey(name: string): { pkcs8: Uint8Array; spki: Uint8Array } {
  // genpkey -outform DER writes SEC1 ECPrivateKey; pkcs8 -topk8 makes the PKCS#8 the project stores.
  expect(openssl.run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:sm2', '-out', `${name}.pem`]).status).toBe(0);
  expect(openssl.run(['pkcs8', '-topk8', '-nocrypt', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.p8`]).status).toBe(0);
  expect(openssl.run(['pkey', '-inform', 'DER', '-in', `${name}.p8`, '-pubout', '-outform', 'DER', '-out', `${name}.spki`]).status).toBe(0);
  return { pkcs8: openssl.read(`${name}.p8`), spki: openssl.read(`${name}.spki`) };
}

const pkeyutlVerify = (key: string, message: string, signature: string, distid: string) =>
  openssl.run(['pkeyutl', '-verify', '-pubin', '-inkey', key, '-keyform', 'DER', '-rawin', '-digest', 'sm3', '-in', message, '-sigfile', signature, '-pkeyopt', `distid:${distid}`]);

describe('SM3', () => {
  it('matches the GB/T 32905 example and openssl dgst -sm3', () => {
    expect(Buffer.from(sm3(Buffer.from('abc'))).toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    for (const [name, data] of [
      ['empty', new Uint8Array(0)],
      ['one-block', Buffer.from('abcd'.repeat(16))],
      ['large', randomBytes(1_000_003)],
    ] as const) {
      openssl.file(name, data);
      const { output } = openssl.run(['dgst', '-sm3', '-r', name]);
      expect(Buffer.from(sm3(data)).toString('hex')).toBe(output.split(' ')[0]);
    }
  });

  it('hashes parts as their concatenation', () => {
    expect(sm3(Buffer.from('ab'), Buffer.from('c'))).toEqual(sm3(Buffer.from('abc')));
  });
});

describe('SM2 signatures against OpenSSL 3', () => {
  it('signs so that openssl pkeyutl and openssl dgst verify with the default distinguishing ID', async () => {
    const signer = InMemorySm2Signer.generate();
    expect(signer.distinguishingId).toBe('1234567812345678');
    const message = Buffer.from('合同 2026-001：甲方乙方盖章');
    openssl.file('ours.spki', await signer.publicKeySpki());
    openssl.file('message', message);
    openssl.file('ours.sig', await signer.sign(message));
    expect(pkeyutlVerify('ours.spki', 'message', 'ours.sig', DEFAULT_SM2_DISTINGUISHING_ID).output).toContain('Signature Verified Successfully');
    const dgst = openssl.run(['dgst', '-sm3', '-verify', 'ours.spki', '-keyform', 'DER', '-sigopt', `distid:${DEFAULT_SM2_DISTINGUISHING_ID}`, '-signature', 'ours.sig', 'message']);
    expect(dgst.output).toContain('Verified OK');
    // The distinguishing ID is part of what is signed: another ID fails.
    expect(pkeyutlVerify('ours.spki', 'message', 'ours.sig', 'another-id').status).not.toBe(0);
  });

  it('puts an explicit distinguishing ID into Z_A, as OpenSSL does', async () => {
    const signer = InMemorySm2Signer.generate('seal-platform@example.cn');
    openssl.file('id.spki', await signer.publicKeySpki());
    openssl.file('id.msg', 'message');
    openssl.file('id.sig', await signer.sign(Buffer.from('message')));
    expect(pkeyutlVerify('id.spki', 'id.msg', 'id.sig', 'seal-platform@example.cn').status).toBe(0);
    expect(pkeyutlVerify('id.spki', 'id.msg', 'id.sig', DEFAULT_SM2_DISTINGUISHING_ID).status).not.toBe(0);
  });

  it('verifies what OpenSSL signs, and only under the ID OpenSSL used', () => {
    const { spki } = opensslKey('theirs');
    const publicKey = sm2PublicKeyFromSpki(spki);
    const message = randomBytes(777);
    openssl.file('theirs.msg', message);
    expect(
      openssl.run(['pkeyutl', '-sign', '-inkey', 'theirs.p8', '-keyform', 'DER', '-rawin', '-digest', 'sm3', '-in', 'theirs.msg', '-out', 'theirs.sig', '-pkeyopt', 'distid:1234567812345678']).status,
    ).toBe(0);
    const signature = openssl.read('theirs.sig');
    expect(verifySm2(publicKey, message, signature, DEFAULT_SM2_DISTINGUISHING_ID)).toBe(true);
    expect(verifySm2(publicKey, message, signature, 'other')).toBe(false);
    expect(verifySm2(publicKey, Buffer.concat([message, Buffer.from([0])]), signature, DEFAULT_SM2_DISTINGUISHING_ID)).toBe(false);
    // The same check with the digest computed first, as a KMS DIGEST request carries it.
    expect(verifySm2Digest(publicKey, sm2MessageDigest(publicKey, message, DEFAULT_SM2_DISTINGUISHING_ID), signature)).toBe(true);
  });

  it('rejects signatures that are not DER or are out of range, without throwing', () => {
    const signer = InMemorySm2Signer.generate();
    const { spki } = opensslKey('range');
    const publicKey = sm2PublicKeyFromSpki(spki);
    const digest = new Uint8Array(32);
    const zeroR = Uint8Array.from([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01]);
    expect(verifySm2Digest(publicKey, digest, zeroR)).toBe(false);
    expect(verifySm2Digest(publicKey, digest, Uint8Array.from([0x30, 0x00]))).toBe(false);
    expect(verifySm2Digest(publicKey, digest, randomBytes(70))).toBe(false);
    expect(signer.algorithm).toBe('sm2-sm3');
  });
});

describe('SM2 keys as DER', () => {
  it('reads an OpenSSL PKCS#8 key and gives the SPKI OpenSSL derives from it', async () => {
    const { pkcs8, spki } = opensslKey('imported');
    const signer = InMemorySm2Signer.fromPkcs8(pkcs8);
    expect(Buffer.from(await signer.publicKeySpki())).toEqual(Buffer.from(spki));
  });

  it('exports PKCS#8 that OpenSSL reads and signs with', async () => {
    const signer = InMemorySm2Signer.generate();
    openssl.file('exported.p8', signer.exportPkcs8());
    expect(openssl.run(['pkey', '-inform', 'DER', '-in', 'exported.p8', '-pubout', '-outform', 'DER', '-out', 'exported.spki']).status).toBe(0);
    expect(Buffer.from(openssl.read('exported.spki'))).toEqual(Buffer.from(await signer.publicKeySpki()));
    openssl.file('exported.msg', 'x');
    openssl.run(['pkeyutl', '-sign', '-inkey', 'exported.p8', '-keyform', 'DER', '-rawin', '-digest', 'sm3', '-in', 'exported.msg', '-out', 'exported.sig', '-pkeyopt', 'distid:1234567812345678']);
    expect(verifySm2(sm2PublicKeyFromSpki(await signer.publicKeySpki()), Buffer.from('x'), openssl.read('exported.sig'), DEFAULT_SM2_DISTINGUISHING_ID)).toBe(true);
  });

  it('refuses keys that are not SM2', () => {
    expect(openssl.run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'p256.pem']).status).toBe(0);
    expect(openssl.run(['pkcs8', '-topk8', '-nocrypt', '-in', 'p256.pem', '-outform', 'DER', '-out', 'p256.p8']).status).toBe(0);
    expect(() => InMemorySm2Signer.fromPkcs8(openssl.read('p256.p8'))).toThrow(/not on the SM2 curve/);
    expect(() => InMemorySm2Signer.fromPkcs8(new Uint8Array([1, 2, 3]))).toThrow(GmError);
    expect(() => sm2PublicKeyFromSpki(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toThrow(/GM_BAD_KEY/);
  });
});

describe('an SM2 key derived from a seed (the platform keys outside the China regions, decision 0076)', () => {
  it('is the same key for the same seed, another for another seed, and refuses a seed too short to reduce evenly', () => {
    const seed = randomBytes(64);
    const key = sm2PrivateKeyFromSeed(seed);
    expect(Buffer.from(sm2PrivateKeyFromSeed(Uint8Array.from(seed))).equals(Buffer.from(key))).toBe(true);
    expect(Buffer.from(sm2PrivateKeyFromSeed(randomBytes(64))).equals(Buffer.from(key))).toBe(false);
    // A valid scalar: it has a public point, and OpenSSL-compatible signatures follow from it.
    expect(sm2PublicKeyOf(key)).toHaveLength(65);
    // All-ones and all-zeros seeds still land in [1, n − 2].
    expect(() => sm2PublicKeyOf(sm2PrivateKeyFromSeed(new Uint8Array(40).fill(0xff)))).not.toThrow();
    expect(() => sm2PublicKeyOf(sm2PrivateKeyFromSeed(new Uint8Array(40)))).not.toThrow();
    expect(() => sm2PrivateKeyFromSeed(randomBytes(39))).toThrow(GmError);
  });
});
