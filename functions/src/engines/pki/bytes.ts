import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of some bytes (ESS certificate hashes, timestamp imprints; signing digests come from algorithms.ts). */
export function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

export function sha1(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(data).digest());
}

export function toHex(data: Uint8Array): string {
  return Buffer.from(data).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new TypeError(`not a hex string: ${hex}`);
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A fresh ArrayBuffer holding exactly these bytes (asn1-schema and WebCrypto want ArrayBuffers). */
export function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(data.length);
  copy.set(data);
  return copy.buffer;
}

/**
 * A random positive serial number of exactly `length` bytes: the top bit is cleared (positive) and
 * the next one set, so the DER INTEGER is always `length` bytes long (no leading zero byte).
 */
export function randomSerialNumber(length = 16): Uint8Array {
  const serial = new Uint8Array(randomBytes(length));
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  return serial;
}
