import { DomainError, type documentDto } from '@seal/shared';
import type { Ports } from '../../ports';

/** The caller's batch and its items; someone else's is "not found" (no oracle). */
export async function ownBatch(services: Ports, request: { personId: string; batchId: string }) {
  const batch = await services.store.signingBatches.get(request.batchId);
  if (!batch || batch.ownerId !== request.personId) throw new DomainError('SIGNING_BATCH_NOT_FOUND');
  return { batch, items: await services.store.signingBatches.items(batch.batchId) };
}

/**
 * A signing batch's progress as the phone and the desktop poll it: counts and each document's
 * outcome (a failure with its code and Chinese message); `done` once nothing is pending, which is
 * then the batch's summary. Someone else's batch is "not found".
 */
export async function readSigningBatch(services: Ports, request: { personId: string; batchId: string }): Promise<documentDto.SigningBatchView> {
  const { batch, items } = await ownBatch(services, request);
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
      ...(i.name !== undefined ? { name: i.name } : {}),
      state: i.state,
      ...(i.version !== undefined ? { version: i.version } : {}),
      ...(i.errorCode ? { error: { code: i.errorCode, message: i.errorMessage ?? '' } } : {}),
    })),
  };
}

/** How far back 我的批量签章 looks: a batch is kept 7 days. */
const LISTED_DAYS = 7;
const LISTED_MOST = 50;

/** 我的批量签章: the caller's batches of the last 7 days, newest first (the phone follows them: decision 0211). */
export async function listSigningBatches(services: Ports, request: { personId: string; now: Date }): Promise<documentDto.SigningBatchList> {
  const since = new Date(request.now.getTime() - LISTED_DAYS * 86_400_000).toISOString();
  const batches = await services.store.signingBatches.ofOwner(request.personId, since, LISTED_MOST);
  return { batches: batches.map(({ batchId, sealId, total, createdAt }) => ({ batchId, sealId, total, createdAt })) };
}
