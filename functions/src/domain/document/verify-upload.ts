import { DomainError, MAX_INLINE_VERIFY_BYTES, type documentDto } from '@seal/shared';
import { spendQuota } from '../quota/spend-quota';
import type { Ports } from '../../ports';
import type { DocumentVerifying } from '../../ports/document-format';
import { deleteObject } from './document-blobs';
import { readCurrentBytes } from './load-document';
import { verifyDocument } from './verify-document';
import { keepVerificationReport } from './verification-report';

/**
 * `POST /v1/verify/by-upload`: verifies an uploaded file once, then deletes it (nobody else's
 * document is kept). The id is the capability: it is random and good for one verification.
 */
export async function verifyUploadedDocument(
  services: Ports & DocumentVerifying,
  request: { documentId: string; now: Date },
): Promise<documentDto.VerificationResult> {
  const document = await services.store.documents.get(request.documentId, { consistent: true });
  const expired = document?.ttl !== undefined && document.ttl * 1000 < request.now.getTime();
  if (!document || document.purpose !== 'verify' || expired) throw new DomainError('DOCUMENT_NOT_FOUND');
  const { bytes } = await readCurrentBytes(services, document);
  try {
    return await keepVerificationReport(services, await verifyDocument(services, bytes, request.now));
  } finally {
    await deleteObject(services, document.objectKey);
    await services.store.documents.remove(document.documentId);
  }
}

/** `POST /v1/verify`: the PDF in the request body. */
export async function verifyPostedDocument(
  services: Ports & DocumentVerifying,
  request: { bytes: Uint8Array; clientKey: string; now: Date },
): Promise<documentDto.VerificationResult> {
  if (request.bytes.length === 0) throw new DomainError('PDF_UNREADABLE', '请上传需要验证的PDF文件');
  if (request.bytes.length > MAX_INLINE_VERIFY_BYTES)
    throw new DomainError('DOCUMENT_TOO_LARGE', '文件超过4MB，请使用大文件上传验证');
  await spendQuota(services.store, 'verify.ip', request.clientKey, request.now);
  return keepVerificationReport(services, await verifyDocument(services, request.bytes, request.now));
}
