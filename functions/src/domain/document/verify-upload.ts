import { DomainError, documentDto } from '@seal/shared';
import { rateLimit } from '../identity/rate-limit';
import type { Services } from '../../composition';
import type { DocumentVerifying } from '../../ports/document-format';
import { deleteObject } from '../../ports/blob-store';
import { readCurrentBytes } from './load-document';
import { verifyDocument } from './verify-document';

/**
 * `POST /v1/verify/by-upload`: verifies an uploaded file once, then deletes it (nobody else's
 * document is kept). The id is the capability: it is random and good for one verification.
 */
export async function verifyUploadedDocument(
  services: Services & DocumentVerifying,
  request: { documentId: string; now: Date },
): Promise<documentDto.VerificationResult> {
  const { data: document } = await services.db.entities.document.get({ documentId: request.documentId }).go({ consistent: true });
  const expired = document?.ttl !== undefined && document.ttl * 1000 < request.now.getTime();
  if (!document || document.purpose !== 'verify' || expired) throw new DomainError('DOCUMENT_NOT_FOUND');
  const bytes = await readCurrentBytes(services, document);
  try {
    return await verifyDocument(services, bytes, request.now);
  } finally {
    await deleteObject(services, document.objectKey);
    await services.db.entities.document
      .delete({ documentId: document.documentId })
      .go()
      .catch(() => undefined);
  }
}

/** `POST /v1/verify`: the PDF in the request body. */
export async function verifyPostedDocument(
  services: Services & DocumentVerifying,
  request: { bytes: Uint8Array; clientKey: string; now: Date },
): Promise<documentDto.VerificationResult> {
  if (request.bytes.length === 0) throw new DomainError('PDF_UNREADABLE', '请上传需要验证的PDF文件');
  if (request.bytes.length > documentDto.MAX_INLINE_VERIFY_BYTES)
    throw new DomainError('DOCUMENT_TOO_LARGE', '文件超过6MB，请使用大文件上传验证');
  await rateLimit(services.db, { key: `verify:${request.clientKey}`, limit: 120, windowSeconds: 60, now: request.now });
  return verifyDocument(services, request.bytes, request.now);
}
