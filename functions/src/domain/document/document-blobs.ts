import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { contentTypeOf } from './document-keys';

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

/** Reads an object, refusing one larger than `maxBytes` before downloading it. */
export async function readObject(services: Ports, key: string, maxBytes: number): Promise<Uint8Array> {
  const size = await objectSize(services, key);
  if (size === undefined) throw new DomainError('DOCUMENT_NOT_UPLOADED');
  if (size > maxBytes) throw new DomainError('DOCUMENT_TOO_LARGE');
  // Gone between the size check and the read: as if it had never arrived.
  const bytes = await services.blobs.get(key);
  if (!bytes) throw new DomainError('DOCUMENT_NOT_UPLOADED');
  return bytes;
}

export async function writeObject(services: Ports, key: string, bytes: Uint8Array): Promise<void> {
  await services.blobs.put(key, bytes, { contentType: 'application/pdf' });
}

/** Best effort: a leftover object is garbage, never a wrong answer (records say what is current). */
export async function deleteObject(services: Ports, key: string): Promise<void> {
  await services.blobs.delete(key).catch(() => undefined);
}
