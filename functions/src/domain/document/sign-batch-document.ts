import { DomainError, ERRORS } from '@seal/shared';
import { authorizeSignature } from '../seal/authorize-signature';
import type { Ports } from '../../ports';
import type { DocumentSigning } from '../../ports/document-format';
import type { BatchDocumentMessage } from '../../ports/signing-queue';
import { loadOwnedDocument } from './load-document';
import { signNewVersion } from './sign-authorized';

/** Refusals worth another delivery: someone changed the document or the seal's records meanwhile. */
const RETRIED = new Set(['CONFLICT', 'INTERNAL', 'KEY_UNAVAILABLE']);

export type BatchDocumentOutcome = 'signed' | 'failed' | 'already-finished';

/**
 * A worker signs one document of a batch (decision 0165). The batch's PIN check approved one
 * credential; each document passes the gate again with it (fresh grants, the seal's state, the
 * credential still the live one), so a freeze or a cancelled grant stops the rest of a batch.
 *
 * Delivery is at least once, so the item's move out of `pending` is committed in the same
 * transaction as the signed version, conditional on `pending`:
 *   delivery 1 reads pending ─ signs ─ commits version n+1 + item signed  ✓
 *   delivery 2 reads pending ─ signs ─ commits ✗ (version n, item pending both changed) → object deleted
 *   delivery 3 (a retry, later) reads signed → nothing to do
 * A document is never signed twice by one batch. A refusal is recorded with its code; a passing
 * trouble (a conflict, the key service) is thrown for another delivery, and recorded on the last.
 */
export async function signBatchDocument(
  services: Ports & DocumentSigning,
  message: BatchDocumentMessage,
  options: { now: Date; lastAttempt: boolean },
): Promise<BatchDocumentOutcome> {
  const { store } = services;
  const { batchId, documentId } = message;
  const at = options.now.toISOString();
  const [batch, item] = await Promise.all([store.signingBatches.get(batchId), store.signingBatches.item(batchId, documentId)]);
  if (!batch || !item || item.state !== 'pending') return 'already-finished';
  const fail = async (error: DomainError) => {
    await store.signingBatches.recordFailed(batchId, documentId, { code: error.code, message: error.message }, at);
    return 'failed' as const;
  };
  if (options.now.toISOString() > batch.expiresAt) return fail(new DomainError('SIGNING_BATCH_EXPIRED'));
  try {
    const authorization = await authorizeSignature(services, {
      personId: batch.ownerId,
      sealId: batch.sealId,
      now: options.now,
      approvedCredentialId: batch.credentialId,
    });
    const document = await loadOwnedDocument(services, documentId, batch.ownerId);
    await signNewVersion(
      services,
      {
        authorization,
        personId: batch.ownerId,
        actorRole: authorization.as,
        now: options.now,
        alongside: [store.signingBatches.recordSigned(batchId, documentId, document.version + 1, at)],
      },
      { document, placements: item.placements, crossPage: item.crossPage },
    );
    return 'signed';
  } catch (error) {
    const refusal = error instanceof DomainError && !RETRIED.has(error.code);
    if (refusal) return fail(error);
    if (options.lastAttempt) return fail(new DomainError('INTERNAL', ERRORS.INTERNAL.message, undefined, { cause: error }));
    throw error;
  }
}
