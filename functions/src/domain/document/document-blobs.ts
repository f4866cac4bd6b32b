import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { contentTypeOf } from './document-keys';
import type { HashedBytes } from '../../ports/blob-store';

/** The documents' bytes in the blob store, and the presigned URLs clients move them with. */

/** How long a presigned upload or download URL works. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 15 * 60;

/**
 * A presigned PUT whose content-type and content-length are signed: the client must send exactly
 * the declared size as `application/pdf`, or storage refuses the upload.
 */
export async function presignUpload(services: Ports, key: string, size: number, now: Date) {
  const uploadUrl = await services.blobs.presignPut(key, {
    contentType: 'application/pdf',
    contentLength: size,
    expiresIn: UPLOAD_URL_SECONDS,
    now,
  });
  return {
    uploadUrl,
    uploadHeaders: { 'content-type': 'application/pdf', 'content-length': String(size) },
    expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}

/** A presigned GET that downloads as `fileName`. */
export async function presignDownload(services: Ports, key: string, fileName: string, now: Date) {
  const downloadUrl = await services.blobs.presignGet(key, {
    expiresIn: DOWNLOAD_URL_SECONDS,
    now,
    responseContentType: contentTypeOf(fileName),
    responseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
  return { downloadUrl, downloadExpiresAt: new Date(now.getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString() };
}

/** The object's size, or undefined when it is not there (the upload has not arrived). */
export async function objectSize(services: Ports, key: string): Promise<number | undefined> {
  return (await services.blobs.head(key))?.size;
}

/**
 * Reads an object in one request, hashing it as it arrives (the hash is continued, never redone:
 * decision 0166), refusing one larger than `maxBytes` before downloading it.
 */
export async function readObject(services: Ports, key: string, maxBytes: number): Promise<HashedBytes> {
  const read = await services.blobs.readHashed(key, maxBytes);
  if (read === undefined) throw new DomainError('DOCUMENT_NOT_UPLOADED');
  if (read === 'too-large') throw new DomainError('DOCUMENT_TOO_LARGE');
  return read;
}

export async function writeObject(services: Ports, key: string, bytes: Uint8Array): Promise<void> {
  await services.blobs.put(key, bytes, { contentType: 'application/pdf' });
}

/** Best effort: a leftover object is garbage, never a wrong answer (records say what is current). */
export async function deleteObject(services: Ports, key: string): Promise<void> {
  await services.blobs.delete(key).catch(() => undefined);
}
