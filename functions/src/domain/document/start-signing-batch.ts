import { randomUUID } from 'node:crypto';
import { DomainError, batchApprovalDigest, type documentDto } from '@seal/shared';
import { authorizeSignature, type SignatureProof } from '../seal/authorize-signature';
import type { Ports } from '../../ports';
import type { Standing } from '../identity/load-actor';
import type { Idempotent } from '../../ports/idempotency';
import type { DocumentItem } from './load-document';
import { readSigningBatch } from './read-signing-batch';
import { consumeSignApproval, recordedSha256 } from './sign-approval';

/** How long the batch's one PIN check covers its documents: a worker that starts later refuses. */
export const SIGNING_BATCH_APPROVAL_MINUTES = 60;
/** A batch's progress and summary stay readable this long. */
const SIGNING_BATCH_KEPT_DAYS = 7;

export interface StartSigningBatchRequest {
  personId: string;
  sealId: string;
  /** The PIN typed with the request (the API, the phone)... */
  pin?: string;
  /** ...or the desktop's `sign` challenge the phone approved over the batch's digest (decision 0210). */
  challengeId?: string;
  desktopSecret?: string;
  requestId?: string;
  documents: { documentId: string; placements: documentDto.SealPlacement[]; crossPage?: boolean }[];
  now: Date;
  /** Who the person is (permission matrix, credentials), as the request read it at its start (not read a second time). */
  standing?: Standing;
}

/**
 * 批量签章任务 (decision 0165): the signing gate once for the whole batch (grant, seal state, PIN
 * with lockout or the phone's approval of the whole batch, credential), before anything is written or queued; then the batch and one pending
 * item per document are recorded and one message per document is queued for the workers, which
 * sign in parallel (`signBatchDocument`). A refused gate refuses the batch with nothing written.
 * With a request id, a retry gets the first batch (nothing queued twice).
 */
export async function startSigningBatch(services: Ports & Idempotent, request: StartSigningBatchRequest): Promise<documentDto.SigningBatchView> {
  const start = () => createBatch(services, request);
  const batchId = request.requestId
    ? await services.idempotency.once(
        {
          operation: 'start-signing-batch',
          key: { personId: request.personId, requestId: request.requestId },
          payload: { sealId: request.sealId, documents: request.documents },
        },
        start,
      )
    : await start();
  return readSigningBatch(services, { personId: request.personId, batchId });
}

/** The caller's own signing documents among the batch's, by id (someone else's are left out); read together, a call per 100. */
async function ownDocuments(services: Ports, request: StartSigningBatchRequest): Promise<Map<string, DocumentItem>> {
  const read = await services.store.documents.getMany(
    request.documents.map((d) => d.documentId),
    { consistent: true },
  );
  return new Map(read.filter((doc) => doc.ownerId === request.personId && doc.purpose === 'sign').map((doc) => [doc.documentId, doc]));
}

/**
 * How the batch's signer proved it is them. The phone's approval covers exactly these files (their
 * recorded hashes), seal and placements, in this order: every document must be the caller's, and
 * the approval is spent only once the batch it names is the one asked for (decision 0210).
 */
async function proofOf(services: Ports, request: StartSigningBatchRequest, documents: Map<string, DocumentItem>): Promise<SignatureProof> {
  if (request.pin !== undefined) return { pin: request.pin };
  const { challengeId, desktopSecret } = request;
  if (!challengeId || !desktopSecret) throw new DomainError('VALIDATION_FAILED');
  const approved = request.documents.map((d) => {
    const document = documents.get(d.documentId);
    if (!document) throw new DomainError('DOCUMENT_NOT_FOUND');
    return { documentSha256: recordedSha256(document), placements: d.placements, crossPage: d.crossPage === true };
  });
  const asked = await batchApprovalDigest(request.sealId, approved);
  const credentialId = await consumeSignApproval(services, { personId: request.personId, sealId: request.sealId, challengeId, desktopSecret }, asked);
  return { approvedCredentialId: credentialId };
}

async function createBatch(services: Ports, request: StartSigningBatchRequest): Promise<string> {
  const { now } = request;
  const documents = await ownDocuments(services, request);
  const proof = await proofOf(services, request, documents);
  const authorization = await authorizeSignature(services, { personId: request.personId, sealId: request.sealId, now, standing: request.standing, ...proof });
  const batchId = `sb-${randomUUID()}`;
  const ttl = Math.floor(now.getTime() / 1000) + SIGNING_BATCH_KEPT_DAYS * 86400;
  await services.store.signingBatches.create(
    {
      batchId,
      ownerId: request.personId,
      companyId: authorization.seal.companyId,
      sealId: authorization.seal.sealId,
      credentialId: authorization.credential.credentialId,
      total: request.documents.length,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SIGNING_BATCH_APPROVAL_MINUTES * 60_000).toISOString(),
      ttl,
    },
    request.documents.map((d) => ({
      batchId,
      documentId: d.documentId,
      ...(documents.has(d.documentId) ? { name: documents.get(d.documentId)!.name } : {}),
      placements: d.placements,
      crossPage: d.crossPage === true,
      state: 'pending' as const,
      ttl,
    })),
  );
  await services.signingQueue.enqueue(request.documents.map((d) => ({ batchId, documentId: d.documentId })));
  return batchId;
}
