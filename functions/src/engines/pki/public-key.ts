import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * A SubjectPublicKeyInfo as a node:crypto key, parsed once. OpenSSL 3's decoders take 1–3 ms per
 * key, more than the ECDSA check itself, and a verifier meets the same few seal and TSA keys in
 * every signature. Key objects are immutable, so sharing one is exactly a fresh parse; the map is bounded.
 */
const LIMIT = 256;
const keys = new Map<string, KeyObject>();

/** Throws as createPublicKey does when the bytes are not a public key. */
export function publicKeyOf(spki: Uint8Array): KeyObject {
  const id = Buffer.from(spki.buffer, spki.byteOffset, spki.byteLength).toString('base64');
  let key = keys.get(id);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    if (keys.size >= LIMIT) keys.delete(keys.keys().next().value!);
    keys.set(id, key);
  }
  return key;
}

/** Forgets every parsed key (benchmarks measure first-time verification). */
export function clearPublicKeys(): void {
  keys.clear();
}
