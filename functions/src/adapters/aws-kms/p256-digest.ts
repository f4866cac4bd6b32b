import { createPrivateKey, createPublicKey } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';

/**
 * ECDSA P-256 over a digest that is already computed. node:crypto and WebCrypto always hash
 * what they are given, so signing the 32-byte digest a CMS signer hands over (what KMS `Sign`
 * does with MessageType DIGEST) needs a curve library: @noble/curves, audited and dependency-free.
 * Keys come and go as DER (PKCS#8 / SubjectPublicKeyInfo), signatures as DER Ecdsa-Sig-Value.
 */
export const DIGEST_BYTES = 32;

export function signP256Digest(privateKeyPkcs8: Uint8Array, digest: Uint8Array): Uint8Array {
  const scalar = privateScalar(privateKeyPkcs8);
  try {
    return signWithScalar(scalar, digest);
  } finally {
    scalar.fill(0);
  }
}

/** Hedged (RFC 6979 plus fresh randomness) signature with a raw 32-byte private scalar. */
export function signWithScalar(scalar: Uint8Array, digest: Uint8Array): Uint8Array {
  if (digest.length !== DIGEST_BYTES) throw new RangeError(`A SHA-256 digest is ${DIGEST_BYTES} bytes, got ${digest.length}`);
  return p256.sign(digest, scalar, { prehash: false, format: 'der', extraEntropy: true });
}

export function verifyP256Digest(publicKeySpki: Uint8Array, digest: Uint8Array, signature: Uint8Array): boolean {
  try {
    // lowS: false because KMS and OpenSSL produce and accept either half of the order.
    return p256.verify(signature, digest, uncompressedPoint(publicKeySpki), { prehash: false, format: 'der', lowS: false });
  } catch {
    return false;
  }
}

/** The 32-byte private scalar of a PKCS#8 P-256 key; the caller wipes it after use. */
export function privateScalar(privateKeyPkcs8: Uint8Array): Uint8Array {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8), format: 'der', type: 'pkcs8' });
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType !== 'ec' || jwk.crv !== 'P-256' || jwk.d === undefined) {
    throw new Error('Not a P-256 private key');
  }
  return Buffer.from(jwk.d, 'base64url');
}

function uncompressedPoint(publicKeySpki: Uint8Array): Uint8Array {
  const jwk = createPublicKey({ key: Buffer.from(publicKeySpki), format: 'der', type: 'spki' }).export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || jwk.x === undefined || jwk.y === undefined) throw new Error('Not a P-256 public key');
  return Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
}
