import * as z from 'zod/mini';
import { id, pin } from '../../fields';
import { placements, needsAPlace, MAX_BATCH_DOCUMENTS, SignedDocument, SealPlacement } from './common';

/** 批量签章: a batch in one request, and a signing batch run as a job (decision 0165). */

/** The documents of a batch: at least one, at most `max`, none twice. */
const batchDocuments = <T extends z.ZodMiniType<{ documentId: string }>>(item: T, max: number) =>
  z.array(item).check(
    z.minLength(1, '请至少选择一个文件'),
    z.maxLength(max, `一次最多签署${max}个文件`),
    z.refine((d) => new Set(d.map((x) => x.documentId)).size === d.length, { error: '文件不能重复选择' }),
  );

export const SignBatchItem = z.object({ documentId: id, placements, crossPage: z.optional(z.boolean()) }).check(needsAPlace);
export const SignBatchRequest = z.object({ sealId: id, pin, documents: batchDocuments(SignBatchItem, MAX_BATCH_DOCUMENTS) });
export type SignBatchRequest = z.infer<typeof SignBatchRequest>;

export const SignBatchResult = z.union([
  z.object({ documentId: z.string(), ok: z.literal(true), document: SignedDocument }),
  z.object({ documentId: z.string(), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export const SignBatchResponse = z.object({ signed: z.number(), failed: z.number(), results: z.array(SignBatchResult) });
export type SignBatchResponse = z.infer<typeof SignBatchResponse>;

/** Most documents in one signing batch run as a job (decision 0165). */
export const MAX_SIGNING_BATCH_DOCUMENTS = 1000;
/** A batch item's seals: fewer than one document's, so a 1,000-document request stays small. */
const batchPlacements = z._default(z.array(SealPlacement).check(z.maxLength(10, '批量签章每个文件最多盖10处')), []);
export const SigningBatchItem = z
  .object({ documentId: id, placements: batchPlacements, crossPage: z.optional(z.boolean()) })
  .check(needsAPlace);

/**
 * `POST /v1/signing-batches`: the PIN once for the whole batch, or (the desktop, decision 0210) a
 * `sign` challenge the phone approved with the PIN over the batch's digest; the documents sign in
 * parallel afterwards.
 */
export const StartSigningBatchRequest = z
  .object({
    sealId: id,
    pin: z.optional(pin),
    challengeId: z.optional(id),
    desktopSecret: z.optional(z.string().check(z.minLength(16), z.maxLength(128))),
    /** A retry of the request with the same id gets the same batch (nothing is queued twice). */
    requestId: z.optional(id),
    documents: batchDocuments(SigningBatchItem, MAX_SIGNING_BATCH_DOCUMENTS),
  })
  .check(
    z.refine((r) => (r.pin !== undefined) !== (r.challengeId !== undefined && r.desktopSecret !== undefined), {
      error: '请输入签章密码，或在手机上扫码确认',
    }),
  );
export type StartSigningBatchRequest = z.infer<typeof StartSigningBatchRequest>;

export const SigningBatchParams = z.object({ batchId: z.string().check(z.regex(/^sb-[0-9a-f-]{36}$/, '批量签章编号不正确')) });
export type SigningBatchParams = z.infer<typeof SigningBatchParams>;

export const SigningBatchDocument = z.object({
  documentId: z.string(),
  /** The file's name as it was uploaded. */
  name: z.optional(z.string()),
  state: z.enum(['pending', 'signed', 'failed']),
  /** The signed version (when signed). */
  version: z.optional(z.number()),
  /** Why it was not signed (when failed): a stable code and its Chinese message. */
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
});
export type SigningBatchDocument = z.infer<typeof SigningBatchDocument>;

/** A signing batch's progress; once nothing is pending, its summary (`state: 'done'`). */
export const SigningBatchView = z.object({
  batchId: z.string(),
  sealId: z.string(),
  state: z.enum(['running', 'done']),
  total: z.number(),
  signed: z.number(),
  failed: z.number(),
  pending: z.number(),
  createdAt: z.string(),
  documents: z.array(SigningBatchDocument),
});
export type SigningBatchView = z.infer<typeof SigningBatchView>;

/** `GET /v1/signing-batches`: the caller's batches of the last days (kept 7), newest first. */
export const SigningBatchList = z.object({
  batches: z.array(z.object({ batchId: z.string(), sealId: z.string(), total: z.number(), createdAt: z.string() })),
});
export type SigningBatchList = z.infer<typeof SigningBatchList>;
