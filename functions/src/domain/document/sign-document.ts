import { authorize, type documentDto } from '@seal/shared';
import { authorizeSignature, type SignatureProof } from '../seal/authorize-signature';
import { loadActor } from '../identity/load-actor';
import type { Ports } from '../../ports';
import { loadOwnedDocument, type DocumentItem } from './load-document';
import { signAuthorizedDocument } from './sign-authorized';

export interface SignDocumentRequest {
  personId: string;
  sealId: string;
  pin: string;
  documentId: string;
  placements: documentDto.SealPlacement[];
  crossPage?: boolean;
  now: Date;
  /** Idempotency key: a retry with the same key returns the first result. */
  requestId?: string;
}

/**
 * 文件签章: the caller's document, signed with a seal they may use. The gate
 * (`authorizeSignature`: fresh grants, seal state, PIN with lockout, then the key) runs before
 * anything is read or written, so a refused request stores nothing.
 */
export async function signDocument(services: Ports, request: SignDocumentRequest): Promise<documentDto.SignedDocument> {
  const document = await loadOwnedDocument(services, request.documentId, request.personId);
  return signWithProof(services, request, document, { pin: request.pin });
}

/**
 * The gate, then the signature: shared by signing with the PIN and by desktop signing the phone
 * approved (`proof` is the PIN or the credential the phone's PIN check recorded).
 */
export async function signWithProof(
  services: Ports,
  request: Pick<SignDocumentRequest, 'personId' | 'sealId' | 'placements' | 'crossPage' | 'now' | 'requestId'>,
  document: DocumentItem,
  proof: SignatureProof,
): Promise<documentDto.SignedDocument> {
  const authorization = await authorizeSignature(services, { personId: request.personId, sealId: request.sealId, now: request.now, ...proof });
  return signAuthorizedDocument(
    services,
    {
      authorization,
      personId: request.personId,
      actorRole: await signerRole(services, request.personId, authorization.seal),
      now: request.now,
      requestId: request.requestId,
    },
    { document, placements: request.placements, crossPage: request.crossPage },
  );
}

/** The role the gate let the person sign in (legal representative or holder), for the audit chain. */
export async function signerRole(services: Ports, personId: string, seal: { companyId: string; sealId: string }): Promise<string> {
  const decision = authorize(await loadActor(services.store, personId), 'seal.sign', { companyId: seal.companyId, sealIds: [seal.sealId] });
  return decision.allowed ? decision.as : 'unknown';
}
