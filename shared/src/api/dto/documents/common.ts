import * as z from 'zod/mini';
import { id, pin } from '../../fields';

/** The pieces every document request uses: the size limits, the document's id, placing seals, and one signed document. */

/** Documents to sign: up to 50 MB each, uploaded straight to storage. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/**
 * `POST /v1/verify` carries the PDF in the request. Lambda takes a 6 MB event and the API sends a
 * binary body base64-encoded (×4/3), so about 4.5 MB of PDF is the most that can ever arrive; 4 MB
 * leaves room for the headers. Larger files go through `POST /v1/verify/uploads` (decision 0104).
 */
export const MAX_INLINE_VERIFY_BYTES = 4 * 1024 * 1024;
/** Most documents in one batch request (each one is its own incremental update). */
export const MAX_BATCH_DOCUMENTS = 20;

export const documentName = z.string({ error: '请填写文件名' }).check(
  z.trim(),
  z.minLength(1, '请填写文件名'),
  z.maxLength(200, '文件名不超过200个字符'),
  z.refine((n) => !/[\u0000-\u001f\\/]/.test(n), { error: '文件名不能包含斜杠或控制字符' }),
);
export const size = z
  .number({ error: '请填写文件大小' })
  .check(z.int('文件大小须为整数字节'), z.gte(1, '文件不能为空'), z.lte(MAX_DOCUMENT_BYTES, '文件过大，单个文件不能超过50MB'));
export const sha256Hex = z.pipe(
  z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'SHA-256 摘要须为64位十六进制')),
  z.transform((s: string) => s.toLowerCase()),
);

export const DocumentIdParams = z.object({ documentId: id });
export type DocumentIdParams = z.infer<typeof DocumentIdParams>;

/** Where a seal goes: 1-based page, PDF user-space point of its lower-left corner (origin bottom-left). */
export const SealPlacement = z.object({
  page: z.number({ error: '请指定页码' }).check(z.int('页码须为整数'), z.gte(1, '页码从1开始'), z.lte(100000, '页码过大')),
  x: z.number({ error: '请指定盖章位置' }).check(z.gte(0, '盖章位置不能为负'), z.lte(14400, '盖章位置超出页面')),
  y: z.number({ error: '请指定盖章位置' }).check(z.gte(0, '盖章位置不能为负'), z.lte(14400, '盖章位置超出页面')),
});
export type SealPlacement = z.infer<typeof SealPlacement>;

export const placements = z._default(z.array(SealPlacement).check(z.maxLength(50, '一次最多盖50处')), []);
/** Client-chosen key: the same key again returns the first result instead of signing twice. */
export const requestId = z.optional(
  z.string().check(z.minLength(8, '请求编号至少8位'), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')),
);

export type Placed = { placements: unknown[]; crossPage?: boolean };
/** Every signing request names at least one place or asks for 骑缝章. */
export const needsAPlace = z.refine<Placed>((r) => r.placements.length > 0 || r.crossPage === true, {
  error: '请至少指定一个盖章位置或选择骑缝章',
  path: ['placements'],
});

export const certificationLevel = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '认证级别须为1、2或3' });

/**
 * Certify the document with this signature (DocMDP, decision 0106): only as its first signature;
 * `level` says what may change afterwards (1 nothing, 2 form filling and further seals, 3 also
 * annotations; `CERTIFICATION_LEVEL_LABELS` words them).
 */
export const Certify = z.object({ level: certificationLevel });
export type Certify = z.infer<typeof Certify>;

/**
 * A document certified by its first signature: the level and, in words, what it still allows
 * (P=1: nothing, so the platform will not seal it; P=2/3: further seals).
 */
export const Certification = z.object({ level: certificationLevel, allows: z.string() });
export type Certification = z.infer<typeof Certification>;

export const SignDocumentRequest = z
  .object({ sealId: id, pin, placements, crossPage: z.optional(z.boolean()), certify: z.optional(Certify), requestId })
  .check(needsAPlace);
export type SignDocumentRequest = z.infer<typeof SignDocumentRequest>;

/**
 * `POST /v1/documents/{documentId}/sign-confirmed` (decision 0018): the desktop signs with the
 * `sign` challenge the phone approved with the signing PIN, asking for exactly the approved seal
 * and placement. Only the desktop that created the challenge holds `desktopSecret`.
 */
export const SignConfirmedRequest = z
  .object({
    sealId: id,
    challengeId: id,
    desktopSecret: z.string().check(z.minLength(16), z.maxLength(128)),
    placements,
    crossPage: z.optional(z.boolean()),
    requestId,
  })
  .check(needsAPlace);
export type SignConfirmedRequest = z.infer<typeof SignConfirmedRequest>;

export const SignedDocument = z.object({
  documentId: z.string(),
  /** How many times the platform has signed this document (1 after the first signature). */
  version: z.number(),
  pages: z.number(),
  /** Signatures in the file now, including earlier ones (other seals, other companies). */
  signatures: z.number(),
  size: z.number(),
  sha256: z.string(),
  downloadUrl: z.string(),
  downloadExpiresAt: z.string(),
  /** The document's certification (DocMDP) and what it still allows, when it has one. */
  certification: z.nullable(Certification),
});
export type SignedDocument = z.infer<typeof SignedDocument>;
