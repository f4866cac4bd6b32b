import { DomainError } from '@seal/shared';
import { consumeChallenge } from '../challenge/poll-challenge';
import type { Ports } from '../../ports';
import type { DocumentItem } from './load-document';

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
