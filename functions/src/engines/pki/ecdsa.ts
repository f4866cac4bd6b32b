import { createPublicKey, verify } from 'node:crypto';

/** Verifies a DER ECDSA signature over `data` (hashed with SHA-256) with a DER SubjectPublicKeyInfo. */
export function ecdsaSha256Verifies(spki: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    return verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
