import { documentDto } from '@seal/shared';
import type { Ports } from '../../ports';
import { presignUpload } from './document-blobs';
import { spendQuotas } from '../quota/spend-quota';
import { documentKeys, newDocumentId } from './document-keys';

/*
 * Kept apart from verify-upload.ts so the function that hands out upload links does not carry the
 * verifier (decision 0022).
 */

/** A verification upload is good for an hour; the record and object go once it is verified. */
const VERIFY_UPLOAD_TTL_SECONDS = 3600;

/** `POST /v1/verify/uploads` (no login): a presigned upload for a file too large to post inline. */
export async function createVerifyUpload(
  services: Ports,
  request: { size: number; clientKey: string; now: Date },
): Promise<documentDto.UploadTicket> {
  const { store } = services;
  // Per client address and hour: this many large-file verifications, this many bytes in all (config/quotas.ts).
  await spendQuotas(
    store,
    [
      { quota: 'verifyUpload.count.ip', subject: request.clientKey },
      { quota: 'verifyUpload.bytes.ip', subject: request.clientKey, amount: request.size },
    ],
    request.now,
  );
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
