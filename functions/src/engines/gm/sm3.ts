import { createHash } from 'node:crypto';

/** SM3 digest length in bytes. */
export const SM3_BYTES = 32;

/**
 * SM3 (GB/T 32905) of the concatenation of the given parts. node:crypto has SM3 through OpenSSL 3
 * (decision 0050); the parts are fed in order without being joined, so large files are not copied.
 */
export function sm3(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sm3');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}
