import * as z from 'zod/mini';

/** 用印记录 and 我的文件. */

const pageCursor = z.optional(z.string().check(z.maxLength(2048)));
/** A page of a list, newest first: `cursor` from the previous page; `limit` a screenful (at most 50). */
export const PageQuery = z.object({ cursor: pageCursor, limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 50) });
export type PageQuery = z.infer<typeof PageQuery>;

/** One signature a seal made: which document (name, version, hash), who, when. */
export const SigningRecordView = z.object({
  recordId: z.string(),
  sealId: z.string(),
  documentId: z.string(),
  documentName: z.string(),
  /** The document's version this signature made (1 = first signature the platform applied). */
  version: z.number(),
  sha256: z.string(),
  pages: z.number(),
  signedAt: z.string(),
  signerName: z.string(),
  certificateSerial: z.string(),
});
export type SigningRecordView = z.infer<typeof SigningRecordView>;

export const SigningRecordList = z.object({
  seal: z.object({ sealId: z.string(), companyId: z.string(), companyName: z.string(), name: z.string() }),
  items: z.array(SigningRecordView),
  cursor: z.optional(z.string()),
});
export type SigningRecordList = z.infer<typeof SigningRecordList>;

/** 我的文件: a document I had signed, as it is now (its latest signed version). */
export const MyDocumentView = z.object({
  documentId: z.string(),
  name: z.string(),
  version: z.number(),
  pages: z.number(),
  signatures: z.number(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  signedAt: z.string(),
});
export type MyDocumentView = z.infer<typeof MyDocumentView>;

export const MyDocumentList = z.object({ items: z.array(MyDocumentView), cursor: z.optional(z.string()) });
export type MyDocumentList = z.infer<typeof MyDocumentList>;
