import { documentDto } from '@seal/shared';
import { rateLimit } from '../identity/rate-limit';
import type { Ports } from '../../ports';
import { presignUpload } from './document-blobs';
import { spendBytes } from './byte-budget';
import { documentKeys, newDocumentId } from './document-keys';

/*
 * Kept apart from verify-upload.ts so the function that hands out upload links does not carry the
 * verifier (decision 0022).
 */

/** Per client address and hour: this many large-file verifications, this many bytes in all. */
export const VERIFY_UPLOADS_PER_HOUR = 30;
export const VERIFY_BYTES_PER_HOUR = 500 * 1024 * 1024;
const HOUR = 3600;
/** A verification upload is good for an hour; the record and object go once it is verified. */
const VERIFY_UPLOAD_TTL_SECONDS = HOUR;

/** `POST /v1/verify/uploads` (no login): a presigned upload for a file too large to post inline. */
export async function createVerifyUpload(
  services: Ports,
  request: { size: number; clientKey: string; now: Date },
): Promise<documentDto.UploadTicket> {
  const { store } = services;
  await rateLimit(store, { key: `verify-upload:${request.clientKey}`, limit: VERIFY_UPLOADS_PER_HOUR, windowSeconds: HOUR, now: request.now });
  await spendBytes(store, {
    key: `verify-bytes:${request.clientKey}`,
    bytes: request.size,
    limit: VERIFY_BYTES_PER_HOUR,
    windowSeconds: HOUR,
    now: request.now,
  });
  const documentId = newDocumentId();
  const objectKey = documentKeys.verify(documentId);
  const ticket = await presignUpload(services, objectKey, request.size, request.now);
  await store.documents.create({
    documentId,
    ownerId: 'public',
    name: `${documentId}.pdf`,
    objectKey,
    purpose: 'verify',
    declaredSize: request.size,
    state: 'awaiting_upload',
    version: 0,
    createdAt: request.now.toISOString(),
    ttl: Math.floor(request.now.getTime() / 1000) + VERIFY_UPLOAD_TTL_SECONDS,
  });
  return { documentId, ...ticket };
}
