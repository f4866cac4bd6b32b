import { DomainError, authorize, type Actor, type documentDto } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';

const PAGE_SIZE = 50;

/**
 * 用印记录: what a seal signed, newest first: document, version and hash, who and when. For those
 * who answer for the seal (its legal representative, its administrators: the permission matrix).
 */
export async function sealSigningRecords(
  store: SealStore,
  input: { sealId: string; actor: () => Promise<Actor>; cursor?: string; limit?: number },
): Promise<documentDto.SigningRecordList> {
  const seal = await store.seals.get(input.sealId);
  if (!seal) throw new DomainError('SEAL_NOT_FOUND');
  if (!authorize(await input.actor(), 'seal.view_signing_records', { companyId: seal.companyId, sealIds: [seal.sealId] }).allowed)
    throw new DomainError('NOT_AUTHORIZED');
  const [company, page] = await Promise.all([store.companies.get(seal.companyId), store.signingRecords.ofSeal(seal.sealId, { limit: input.limit ?? PAGE_SIZE, cursor: input.cursor })]);
  return {
    seal: { sealId: seal.sealId, companyId: seal.companyId, companyName: company?.name ?? seal.companyId, name: seal.name },
    items: page.items.map((r) => ({
      recordId: r.recordId,
      sealId: r.sealId,
      documentId: r.documentId,
      documentName: r.documentName,
      version: r.version,
      sha256: r.sha256,
      pages: r.pages,
      signedAt: r.signedAt,
      signerName: r.signerName,
      certificateSerial: r.certificateSerial,
    })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/** 我的文件: the documents I had signed, as they are now (their latest signed version), newest upload first. */
export async function myDocuments(store: SealStore, input: { personId: string; cursor?: string; limit?: number }): Promise<documentDto.MyDocumentList> {
  const page = await store.documents.signedOfOwner(input.personId, { limit: input.limit ?? PAGE_SIZE, cursor: input.cursor });
  return {
    items: page.items.map((d) => ({
      documentId: d.documentId,
      name: d.name,
      version: d.version,
      pages: d.pages ?? 0,
      signatures: d.signatures ?? 0,
      size: d.size ?? 0,
      sha256: d.sha256 ?? '',
      createdAt: d.createdAt,
      signedAt: d.signedAt ?? d.createdAt,
    })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
