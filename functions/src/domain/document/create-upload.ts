import type { documentDto } from '@seal/shared';
import type { Ports } from '../../ports';
import { loadActor } from '../identity/load-actor';
import { spendQuotas, type QuotaCharge } from '../quota/spend-quota';
import { presignUpload } from './document-blobs';
import { documentKeys, newDocumentId } from './document-keys';

/** An upload nobody signs is forgotten after a week (the bucket's lifecycle rule drops the object). */
const UNSIGNED_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The daily upload quotas an upload counts against: the person's (count and bytes) and those of
 * every company they act for, as legal representative or by a grant (the document may be signed
 * with any of their seals, so each company's own daily limit caps what its people upload).
 */
async function uploadCharges(services: Ports, ownerId: string, bytes: number): Promise<QuotaCharge[]> {
  const actor = await loadActor(services.store, ownerId);
  const companies = [...new Set([...actor.legalRepresentativeOf, ...actor.grants.map((g) => g.companyId)])].sort();
  return [
    { quota: 'upload.count.person', subject: ownerId },
    { quota: 'upload.bytes.person', subject: ownerId, amount: bytes },
    ...companies.flatMap((companyId): QuotaCharge[] => [
      { quota: 'upload.count.company', subject: companyId },
      { quota: 'upload.bytes.company', subject: companyId, amount: bytes },
    ]),
  ];
}

/**
 * `POST /v1/documents`: records the document a holder is about to upload and hands back a
 * presigned PUT pinned to the declared size and content type. Nothing is read yet: the bytes are
 * checked against the declaration when they are first used (decision 0019). The declared size is
 * counted against the daily quotas first (429 with Retry-After when one is used up): the link
 * lets exactly that many bytes in.
 */
export async function createDocumentUpload(
  services: Ports,
  request: { ownerId: string; name: string; size: number; sha256?: string; now: Date },
): Promise<documentDto.UploadTicket> {
  await spendQuotas(services.store, await uploadCharges(services, request.ownerId, request.size), request.now);
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
