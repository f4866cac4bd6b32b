import type { WriteOp } from './write-op';

/**
 * 批量签章任务 (decision 0165): a batch signed as a job. The request checked the PIN once and
 * recorded which credential it approved; each document is an item of its own, signed by a worker
 * and moved out of `pending` exactly once, in the same transaction as its signed version.
 */
export interface SigningBatchRecord {
  batchId: string;
  ownerId: string;
  companyId: string;
  sealId: string;
  /** The credential whose PIN the request checked: workers sign only while it is still the live one. */
  credentialId: string;
  total: number;
  createdAt: string;
  /** The PIN approval covers documents signed before this time; later ones fail SIGNING_BATCH_EXPIRED. */
  expiresAt: string;
  /** Epoch seconds: the batch and its items are forgotten after it. */
  ttl: number;
}

export interface SigningBatchItemRecord {
  batchId: string;
  documentId: string;
  /** The file's name when the batch started (absent when the document was not the owner's). */
  name?: string;
  /** The seals asked for this document (as the request gave them). */
  placements: { page: number; x: number; y: number; width?: number; height?: number }[];
  crossPage: boolean;
  state: 'pending' | 'signed' | 'failed';
  /** The signed version (when signed). */
  version?: number;
  errorCode?: string;
  errorMessage?: string;
  finishedAt?: string;
  ttl: number;
}

export interface SigningBatches {
  get(batchId: string): Promise<SigningBatchRecord | undefined>;
  /** A person's batches created since `since` (ISO time), newest first, at most `limit`. */
  ofOwner(ownerId: string, since: string, limit: number): Promise<SigningBatchRecord[]>;
  /** The batch and its pending items (several writes, items first: a batch is readable only once all its items are). */
  create(batch: SigningBatchRecord, items: SigningBatchItemRecord[]): Promise<void>;
  item(batchId: string, documentId: string): Promise<SigningBatchItemRecord | undefined>;
  /** Every item of the batch (at most MAX_SIGNING_BATCH_DOCUMENTS). */
  items(batchId: string): Promise<SigningBatchItemRecord[]>;
  /**
   * The item is signed at `version`: committed with the signed version, conditional on the item
   * still pending, so two deliveries of one message can never both commit a signature.
   */
  recordSigned(batchId: string, documentId: string, version: number, at: string): WriteOp;
  /** The item failed with a code; false when it was no longer pending (another delivery finished it). */
  recordFailed(batchId: string, documentId: string, error: { code: string; message: string }, at: string): Promise<boolean>;
}
