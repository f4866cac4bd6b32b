import { approvalDigest, type documentDto } from '@seal/shared';
import type { Ports } from '../../ports';
import type { Standing } from '../identity/load-actor';
import type { DocumentSigning } from '../../ports/document-format';
import type { Idempotent } from '../../ports/idempotency';
import { loadOwnedDocument, type DocumentItem } from './load-document';
import { consumeSignApproval, recordedSha256 } from './sign-approval';
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
  /** Who the person is (permission matrix, credentials), as the request read it at its start (not read a second time). */
  standing?: Standing;
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
