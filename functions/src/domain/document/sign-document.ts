import { approvalText, type documentDto } from '@seal/shared';
import { authorizeSignature, type SignatureProof } from '../seal/authorize-signature';
import type { Standing } from '../identity/load-actor';
import type { Ports } from '../../ports';
import type { DocumentSigning } from '../../ports/document-format';
import type { Idempotent } from '../../ports/idempotency';
import { loadOwnedDocument, type DocumentItem } from './load-document';
import { signedView, signNewVersion, type SignedVersion } from './sign-authorized';

export interface SignDocumentRequest {
  personId: string;
  sealId: string;
  pin: string;
  documentId: string;
  placements: documentDto.SealPlacement[];
  crossPage?: boolean;
  /** Certify the document with this signature (its first; decision 0106). */
  certify?: documentDto.Certify;
  now: Date;
  /** Idempotency key: a retry with the same key returns the first result (decision 0047). */
  requestId?: string;
  /** Who the person is (permission matrix, credentials), as the request read it at its start (not read a second time). */
  standing?: Standing;
}

/**
 * 文件签章: the caller's document, signed with a seal they may use. The gate
 * (`authorizeSignature`: fresh grants, seal state, PIN with lockout, then the key) runs before
 * anything is read or written, so a refused request stores nothing. With a request id, the request
 * is signed once: a retry, even one that arrives while the first is still signing, gets the first
 * signed version (with a fresh download link).
 */
export async function signDocument(services: Ports & DocumentSigning & Idempotent, request: SignDocumentRequest): Promise<documentDto.SignedDocument> {
  const document = await loadOwnedDocument(services, request.documentId, request.personId);
  // A retry that asks to certify differently is another request.
  const certify: Record<string, string> = request.certify ? { certify: String(request.certify.level) } : {};
  const signed = await signOnce(services, 'sign-document', request, certify, () => signWithProof(services, request, document, { pin: request.pin }));
  return signedView(services, signed, request.now);
}

/**
 * Runs a signing once per (person, document, request id). The payload is what was asked for, in
 * the canonical form the phone approves (placements sorted and rounded: the same seals dropped in
 * another order are the same request); a retry asking for something else under the same id is
 * refused (REQUEST_ID_REUSED). The PIN is not part of it: it is never stored, not even hashed, and
 * the person is the same one.
 */
export function signOnce(
  services: Idempotent,
  operation: string,
  request: { personId: string; documentId: string; requestId?: string; sealId: string; placements: documentDto.SealPlacement[]; crossPage?: boolean },
  more: Record<string, string>,
  sign: () => Promise<SignedVersion>,
): Promise<SignedVersion> {
  if (!request.requestId) return sign();
  return services.idempotency.once(
    {
      operation,
      key: { personId: request.personId, documentId: request.documentId, requestId: request.requestId },
      payload: {
        asked: approvalText({ documentSha256: '', sealId: request.sealId, placements: request.placements, crossPage: request.crossPage === true }),
        ...more,
      },
    },
    sign,
  );
}

/**
 * The gate, then the signature: shared by signing with the PIN and by desktop signing the phone
 * approved (`proof` is the PIN or the credential the phone's PIN check recorded).
 */
export async function signWithProof(
  services: Ports & DocumentSigning,
  request: Pick<SignDocumentRequest, 'personId' | 'sealId' | 'placements' | 'crossPage' | 'certify' | 'now' | 'standing'>,
  document: DocumentItem,
  proof: SignatureProof,
): Promise<SignedVersion> {
  const authorization = await authorizeSignature(services, { personId: request.personId, sealId: request.sealId, now: request.now, standing: request.standing, ...proof });
  return signNewVersion(
    services,
    {
      authorization,
      personId: request.personId,
      actorRole: authorization.as,
      now: request.now,
    },
    { document, placements: request.placements, crossPage: request.crossPage, certify: request.certify },
  );
}
