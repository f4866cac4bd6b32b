import type { documentDto } from '@seal/shared';
import type { Ports } from '../../ports';
import { presignUpload } from './document-blobs';
import { documentKeys, newDocumentId } from './document-keys';

/** An upload nobody signs is forgotten after a week (the bucket's lifecycle rule drops the object). */
const UNSIGNED_TTL_SECONDS = 7 * 24 * 3600;

/**
 * `POST /v1/documents`: records the document a holder is about to upload and hands back a
 * presigned PUT pinned to the declared size and content type. Nothing is read yet: the bytes are
 * checked against the declaration when they are first used (decision 0019).
 */
export async function createDocumentUpload(
  services: Ports,
  request: { ownerId: string; name: string; size: number; sha256?: string; now: Date },
): Promise<documentDto.UploadTicket> {
  const documentId = newDocumentId();
  const objectKey = documentKeys.upload(request.ownerId, documentId);
  const ticket = await presignUpload(services, objectKey, request.size, request.now);
  await services.store.documents.create({
    documentId,
    ownerId: request.ownerId,
    name: request.name,
    objectKey,
    purpose: 'sign',
    declaredSize: request.size,
    ...(request.sha256 ? { declaredSha256: request.sha256 } : {}),
    state: 'awaiting_upload',
    version: 0,
    createdAt: request.now.toISOString(),
    ttl: Math.floor(request.now.getTime() / 1000) + UNSIGNED_TTL_SECONDS,
  });
  return { documentId, ...ticket };
}
