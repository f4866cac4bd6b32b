import { documentDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { MAX_BATCH_DIGESTS } from '@seal/shared/ukey-client';
import { call } from '../api/client';
import { ukeyClient, type UkeyToken } from '../ukey/ukey-client';
import type { SigningRequest } from './sign-flow';
import { stillFresh, tokenProblem, uploadForUkey } from './ukey-sign-flow';

/** One document of a UKey batch and how far it got; `error` says why it stopped. */
export interface BatchItem {
  request: SigningRequest;
  documentId?: string;
  prepared?: documentDto.UkeySignPrepared;
  signed?: documentDto.SignedDocument;
  error?: string;
}

/**
 * Why these files cannot make one batch, or undefined: bounded before anything is read or uploaded.
 * At most `max` files: a UKey's (20, decision 0186) or a signing job's (1,000, decision 0165).
 */
export function batchProblem(files: readonly { name: string; size: number }[], max = MAX_BATCH_DIGESTS): string | undefined {
  if (files.length === 0) return '请选择要签章的文件';
  if (files.length > max) return `一次最多批量签章${max}份文件`;
  const big = files.find((f) => f.size > documentDto.MAX_DOCUMENT_BYTES);
  if (big) return `文件“${big.name}”过大，单个文件不能超过50MB`;
  return undefined;
}

/**
 * 批量签章 with a UKey (decision 0186): each document in the two phases of a single UKey签章
 * (upload, prepare → the token's signature → complete), but the token signs every prepared digest
 * after ONE password, in one login of the client. A document that fails to upload or prepare is
 * left out with its reason; the others go on. A wrong password signs nothing and keeps the
 * preparations (reused while fresh). Returns the items with each one's outcome.
 */
export async function signBatchWithUkey(items: BatchItem[], token: UkeyToken, password: string, onProgress: (items: BatchItem[]) => void) {
  const update = (i: number, change: Partial<BatchItem>) => {
    items = items.map((item, j) => (j === i ? { ...item, ...change } : item));
    onProgress(items);
  };
  for (const [i, item] of items.entries()) {
    // Signed already, not a PDF the page could place the seal on, or prepared and still fresh.
    if (item.signed || item.request.placements.length === 0 || stillFresh(item.prepared, Date.now())) continue;
    try {
      const documentId = item.documentId ?? (await uploadForUkey(item.request));
      update(i, { documentId, error: undefined });
      const { request } = item;
      const prepared = await call(routes.ukeySignPrepare, {
        params: { documentId },
        body: {
          sealId: request.sealId,
          placements: request.placements.map(({ page, x, y }) => ({ page, x, y })),
          crossPage: request.crossPage,
        },
      });
      const problem = tokenProblem(token, request.sealId, prepared);
      update(i, problem ? { error: problem } : { prepared });
    } catch (e) {
      update(i, { error: (e as Error).message });
    }
  }
  const ready = items.map((item, i) => ({ item, i })).filter(({ item }) => !item.signed && item.prepared && !item.error);
  if (ready.length === 0) return items;
  const { ukeySerial, keyId } = ready[0]!.item.prepared!;
  // One password, one login on the token, every digest signed in order.
  const { signatures } = await ukeyClient.signBatch(
    ukeySerial,
    password,
    keyId,
    ready.map(({ item }) => item.prepared!.digest),
  );
  for (const [n, { item, i }] of ready.entries()) {
    try {
      const signed = await call(routes.ukeySignComplete, {
        params: { documentId: item.documentId!, signingId: item.prepared!.signingId },
        body: { signature: signatures[n]! },
      });
      update(i, { signed, error: undefined });
    } catch (e) {
      update(i, { error: (e as Error).message, prepared: undefined });
    }
  }
  return items;
}
