import { createHash } from 'node:crypto';
import { DomainError, MAX_DOCUMENT_BYTES } from '@seal/shared';
import type { Ports } from '../../ports';
import type { DocumentRecord } from '../../ports/seal-store';
import { readObject } from './document-blobs';
import type { HashedBytes } from '../../ports/blob-store';

export type DocumentItem = DocumentRecord;

/**
 * A signing document of the caller's. Someone else's document is "not found", never "forbidden":
 * document ids must not be probed for existence.
 */
export async function loadOwnedDocument(services: Ports, documentId: string, personId: string): Promise<DocumentItem> {
  const data = await services.store.documents.get(documentId, { consistent: true });
  if (!data || data.ownerId !== personId || data.purpose !== 'sign') throw new DomainError('DOCUMENT_NOT_FOUND');
  return data;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The signed file's SHA-256 without hashing what was read again: an incremental update leaves the
 * signed bytes a prefix of the file (checked: comparing bytes costs a fraction of hashing them), so
 * the running hash of the read goes on over what was appended. Anything else is hashed whole.
 */
export function sha256Continued(read: HashedBytes, signed: Uint8Array): string {
  const n = read.bytes.length;
  if (signed.length < n || Buffer.compare(Buffer.from(signed.buffer, signed.byteOffset, n), Buffer.from(read.bytes.buffer, read.bytes.byteOffset, n)) !== 0) return sha256Hex(signed);
  return read.sha256.copy().update(signed.subarray(n)).digest('hex');
}

/**
 * The bytes of the document's current version. The original upload must match what was declared
 * (size, and SHA-256 when given): the presigned PUT pins the size, this re-checks it and the hash;
 * a signed version must match the hash recorded when the platform wrote it.
 */
export async function readCurrentBytes(services: Ports, document: DocumentItem): Promise<HashedBytes> {
  const read = await readObject(services, document.objectKey, MAX_DOCUMENT_BYTES);
  const original = document.version === 0;
  const wantSize = original ? document.declaredSize : document.size;
  const wantHash = original ? document.declaredSha256 : document.sha256;
  // The hash was taken while the bytes streamed in: a copy finishes it, the original goes on to the signature.
  if ((wantSize !== undefined && read.bytes.length !== wantSize) || (wantHash && read.sha256.copy().digest('hex') !== wantHash)) {
    // A signed version that no longer matches its recorded hash is storage gone wrong, not the user's doing.
    throw new DomainError(original ? 'DOCUMENT_MISMATCH' : 'INTERNAL');
  }
  return read;
}
