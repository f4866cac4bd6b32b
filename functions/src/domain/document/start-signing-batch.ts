import { randomUUID } from 'node:crypto';
import type { documentDto } from '@seal/shared';
import { authorizeSignature } from '../seal/authorize-signature';
import type { Ports } from '../../ports';
import type { Standing } from '../identity/load-actor';
import type { Idempotent } from '../../ports/idempotency';
import { readSigningBatch } from './read-signing-batch';

/** How long the batch's one PIN check covers its documents: a worker that starts later refuses. */
export const SIGNING_BATCH_APPROVAL_MINUTES = 60;
/** A batch's progress and summary stay readable this long. */
const SIGNING_BATCH_KEPT_DAYS = 7;

export interface StartSigningBatchRequest {
  personId: string;
  sealId: string;
  pin: string;
  requestId?: string;
  documents: { documentId: string; placements: documentDto.SealPlacement[]; crossPage?: boolean }[];
  now: Date;
  /** Who the person is (permission matrix, credentials), as the request read it at its start (not read a second time). */
  standing?: Standing;
}

/**
 * 批量签章任务 (decision 0165): the signing gate once for the whole batch (grant, seal state, PIN
 * with lockout, credential), before anything is written or queued; then the batch and one pending
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

async function createBatch(services: Ports, request: StartSigningBatchRequest): Promise<string> {
  const { now } = request;
  const authorization = await authorizeSignature(services, { personId: request.personId, sealId: request.sealId, pin: request.pin, now, standing: request.standing });
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
      placements: d.placements,
      crossPage: d.crossPage === true,
      state: 'pending' as const,
      ttl,
    })),
  );
  await services.signingQueue.enqueue(request.documents.map((d) => ({ batchId, documentId: d.documentId })));
  return batchId;
}
