import { createSign, generateKeyPairSync } from 'node:crypto';
import { readTlv } from './der';
import { algorithmOf } from './der-values';
import {
  algorithmByIdentifier,
  algorithmOfKey,
  DEFAULT_SIGNATURE_ALGORITHM,
  SIGNATURE_ALGORITHMS,
  signatureAlgorithm,
  type SignatureAlgorithmId,
} from './algorithms';
import { InMemoryDigestSigner } from './in-memory-digest-signer';
import { signMessage } from './signer';

const spkiOf = (curve: string) => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: curve });
  return { spki: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })), privateKey };
};

describe('the signature algorithm table', () => {
  it.each(Object.keys(SIGNATURE_ALGORITHMS) as SignatureAlgorithmId[])('%s: its identifiers name its OIDs', (id) => {
    const algorithm = signatureAlgorithm(id);
    expect(algorithm.id).toBe(id);
    expect(algorithmOf(algorithm.signatureAlgorithmDer, readTlv(algorithm.signatureAlgorithmDer, 0))).toBe(algorithm.signatureOid);
    expect(algorithmOf(algorithm.hash.der, readTlv(algorithm.hash.der, 0))).toBe(algorithm.hash.oid);
    expect(algorithm.hash.digest(new Uint8Array([1, 2, 3]))).toHaveLength(algorithm.hash.length);
    expect(algorithmByIdentifier(algorithm.signatureAlgorithmDer)).toBe(algorithm);
  });

  it('verifies what a signer signed through the table (signMessage), and nothing else', async () => {
    const signer = await InMemoryDigestSigner.generate();
    const message = new TextEncoder().encode('采购合同 第 2026-118 号');
    const signature = await signMessage(signer, message);
    const algorithm = signatureAlgorithm(signer.algorithm);
    expect(algorithm.verify(message, signature, await signer.publicKeySpki())).toBe(true);
    expect(algorithm.verify(new TextEncoder().encode('采购合同 第 2026-119 号'), signature, await signer.publicKeySpki())).toBe(false);
    expect(algorithm.verify(message, signature, spkiOf('P-256').spki)).toBe(false);
  });

  it('ecdsa-p256-sha256 signs SHA-256 of the message, as OpenSSL does, and holds only P-256 keys', () => {
    const algorithm = signatureAlgorithm('ecdsa-p256-sha256');
    const message = new TextEncoder().encode('message');
    const { spki, privateKey } = spkiOf('P-256');
    expect(Buffer.from(algorithm.digestToSign(message, spki)).toString('hex')).toBe(
      'ab530a13e45914982b79f9b7e3fba994cfd1f3fb22f71cea1afbf02b460c6d1d',
    );
    const openssl = createSign('sha256').update(message).sign({ key: privateKey, dsaEncoding: 'der' });
    expect(algorithm.verify(message, openssl, spki)).toBe(true);
    expect(algorithm.holdsKey(spki)).toBe(true);
    const p384 = spkiOf('P-384');
    expect(algorithm.holdsKey(p384.spki)).toBe(false);
    // A P-384 signature under ecdsa-with-SHA256 is a valid ECDSA signature, but not one the platform's algorithm makes.
    expect(
      algorithm.verify(message, createSign('sha256').update(message).sign({ key: p384.privateKey, dsaEncoding: 'der' }), p384.spki),
    ).toBe(false);
  });

  it('names the algorithm of a public key, or none', () => {
    expect(algorithmOfKey(spkiOf('P-256').spki)).toBe('ecdsa-p256-sha256');
    expect(algorithmOfKey(spkiOf('P-384').spki)).toBeUndefined();
    expect(algorithmOfKey(new Uint8Array([0x30, 0x00]))).toBeUndefined();
    expect(DEFAULT_SIGNATURE_ALGORITHM).toBe('ecdsa-p256-sha256');
  });
});

describe('sm2-sm3 in the table', () => {
  it('signs e = SM3(Z ‖ M) with the default distinguishing ID, and holds only SM2 keys', async () => {
    const { InMemorySm2Signer, sm2MessageDigest, sm2PublicKeyFromSpki, verifySm2 } = await import('../gm');
    const algorithm = signatureAlgorithm('sm2-sm3');
    const signer = InMemorySm2Signer.generate();
    const spki = await signer.publicKeySpki();
    const message = new TextEncoder().encode('电子印章');
    expect(algorithm.digestToSign(message, spki)).toEqual(sm2MessageDigest(sm2PublicKeyFromSpki(spki), message, '1234567812345678'));
    const signature = await signMessage(signer, message);
    expect(verifySm2(sm2PublicKeyFromSpki(spki), message, signature, '1234567812345678')).toBe(true);
    expect(algorithm.verify(message, signature, spki)).toBe(true);
    expect(algorithm.verify(message, await signer.sign(new TextEncoder().encode('其他')), spki)).toBe(false);
    expect(algorithm.holdsKey(spki)).toBe(true);
    expect(algorithm.holdsKey(spkiOf('P-256').spki)).toBe(false);
    expect(signatureAlgorithm('ecdsa-p256-sha256').holdsKey(spki)).toBe(false);
    expect(algorithmOfKey(spki)).toBe('sm2-sm3');
  });
});
