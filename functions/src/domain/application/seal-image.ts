import { DomainError } from '@seal/shared';

export const MAX_SEAL_IMAGE_BYTES = 2 * 1024 * 1024;

export interface SealImage {
  bytes: Uint8Array;
  contentType: 'image/png' | 'image/jpeg';
  extension: 'png' | 'jpg';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The uploaded picture of the physical seal: what it is is decided by its bytes (PNG signature,
 * JPEG SOI + marker), never by a file name or a declared type; at most 2 MB.
 */
export function readSealImage(base64: string): SealImage {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new DomainError('IMAGE_INVALID');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_SEAL_IMAGE_BYTES) throw new DomainError('IMAGE_INVALID');
  if (bytes.length > 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return { bytes, contentType: 'image/png', extension: 'png' };
  // JPEG: SOI (FF D8) then a marker (FF xx); a real file also ends with EOI (FF D9).
  const eoi = bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && eoi) return { bytes, contentType: 'image/jpeg', extension: 'jpg' };
  throw new DomainError('IMAGE_INVALID');
}
