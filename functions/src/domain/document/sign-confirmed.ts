import { DomainError, approvalDigest, type Actor, type documentDto } from '@seal/shared';
import { consumeChallenge } from '../challenge/poll-challenge';
import type { Ports } from '../../ports';
import type { DocumentSigning } from '../../ports/document-format';
import type { Idempotent } from '../../ports/idempotency';
import { loadOwnedDocument, type DocumentItem } from './load-document';
import { signedView } from './sign-authorized';
import { signOnce, signWithProof } from './sign-document';

export interface SignConfirmedRequest {
  /** The person logged in on the desktop (the session of this request). */
  personId: string;
  documentId: string;
  sealId: string;
  challengeId: string;
  desktopSecret: string;
  placements: documentDto.SealPlacement[];
  crossPage?: boolean;
  now: Date;
  requestId?: string;
  /** Who the person is to the permission matrix, as the request read it. */
  actor?: Actor;
}

/**
 * The hash of the exact bytes that will be signed: the one the upload declared (version 0) or the
 * one the platform recorded when it wrote the signed version. `signAuthorizedDocument` re-reads
 * the bytes and refuses any that do not match it, so the digest and the signature cover one file.
 */
export function recordedSha256(document: DocumentItem): string {
  const hash = document.version === 0 ? document.declaredSha256 : document.sha256;
  // An upload that declared no hash cannot be bound to an approval.
  if (!hash) throw new DomainError('APPROVAL_MISMATCH', '上传文件时未提供摘要，无法与手机端确认的文件比对，请重新上传');
  return hash.toLowerCase();
}

/**
 * 电脑网页签章 confirmed on the phone (decision 0018). In order:
 *   1. the caller's own document, with a recorded hash (else nothing happens);
 *   2. the `sign` challenge of this desktop (its secret), approved, consumed now — once;
 *   3. the approval was the caller's own, for this seal, over exactly this file, seal and placement
 *      (the approval digest recomputed here) — any difference refuses, and the approval is spent;
 *   4. the signing gate with the credential the phone's PIN check recorded: fresh grants, the
 *      seal's state, the credential still active — a grant cancelled or a seal frozen since refuses;
 *   5. the signature, as `POST /v1/documents/{id}/sign` makes it.
 * A retry with the request id of a signature already made (or still being made) returns that
 * signature, without touching the spent challenge (decision 0047).
 */
export async function signConfirmedDocument(
  services: Ports & DocumentSigning & Idempotent,
  request: SignConfirmedRequest,
): Promise<documentDto.SignedDocument> {
  const document = await loadOwnedDocument(services, request.documentId, request.personId);
  const signed = await signOnce(services, 'sign-document-confirmed', request, { challengeId: request.challengeId }, () =>
    signApproved(services, request, document),
  );
  return signedView(services, signed, request.now);
}

async function signApproved(services: Ports & DocumentSigning, request: SignConfirmedRequest, document: DocumentItem) {
  const asked = await approvalDigest({
    documentSha256: recordedSha256(document),
    sealId: request.sealId,
    placements: request.placements,
    crossPage: request.crossPage === true,
  });
  const credentialId = await consumeSignApproval(services, request, asked);
  return signWithProof(services, request, document, { approvedCredentialId: credentialId });
}

/**
 * Spends the desktop's `sign` challenge (its secret, approved, once) and checks the approval was
 * the caller's own, for this seal, over exactly `askedDigest` (recomputed by the caller from the
 * stored bytes): any difference refuses, and the approval is spent. Returns the credential whose
 * PIN the phone checked. One document (`signConfirmedDocument`) or a batch (decision 0210).
 */
export async function consumeSignApproval(
  services: Ports,
  request: { personId: string; sealId: string; challengeId: string; desktopSecret: string },
  askedDigest: string,
): Promise<string> {
  const approval = await consumeChallenge(services, {
    challengeId: request.challengeId,
    desktopSecret: request.desktopSecret,
    purpose: 'sign',
    callerId: request.personId,
  });
  if (approval.approverId !== request.personId || approval.summary.creatorId !== request.personId) throw new DomainError('NOT_AUTHORIZED');
  if (approval.summary.sealId !== request.sealId) throw new DomainError('APPROVAL_MISMATCH');
  const approved = approval.summary.details.documentDigest;
  if (typeof approved !== 'string' || approved !== askedDigest) throw new DomainError('APPROVAL_MISMATCH');
  const credentialId = approval.outcome.credentialId;
  if (!credentialId) throw new DomainError('APPROVAL_MISMATCH');
  return credentialId;
}
