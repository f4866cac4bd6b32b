import { DomainError, type documentDto } from '@seal/shared';
import type { Ports } from '../../ports';

/**
 * A signing batch's progress as the phone and the desktop poll it: counts and each document's
 * outcome (a failure with its code and Chinese message); `done` once nothing is pending, which is
 * then the batch's summary. Someone else's batch is "not found".
 */
export async function readSigningBatch(services: Ports, request: { personId: string; batchId: string }): Promise<documentDto.SigningBatchView> {
  const batch = await services.store.signingBatches.get(request.batchId);
  if (!batch || batch.ownerId !== request.personId) throw new DomainError('SIGNING_BATCH_NOT_FOUND');
  const items = await services.store.signingBatches.items(batch.batchId);
  const count = (state: string) => items.filter((i) => i.state === state).length;
  const [signed, failed, pending] = [count('signed'), count('failed'), count('pending')];
  return {
    batchId: batch.batchId,
    sealId: batch.sealId,
    state: pending === 0 ? 'done' : 'running',
    total: batch.total,
    signed,
    failed,
    pending,
    createdAt: batch.createdAt,
    documents: items.map((i) => ({
      documentId: i.documentId,
      state: i.state,
      ...(i.version !== undefined ? { version: i.version } : {}),
      ...(i.errorCode ? { error: { code: i.errorCode, message: i.errorMessage ?? '' } } : {}),
    })),
  };
}
