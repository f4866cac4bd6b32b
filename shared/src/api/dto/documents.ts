import * as z from 'zod/mini';
import { id, pin } from '../fields';
import {
  CERTIFICATE_STATUSES,
  COVERAGES,
  FINDING_CODES,
  INDICATIONS,
  INTEGRITIES,
  MODIFICATION_CODES,
  MODIFICATION_LEVELS,
  OBJECT_KINDS,
  SIGNATURE_KINDS,
  SUB_INDICATIONS,
  VERDICTS,
} from '../../verification/codes';

/**
 * 文件签章 and 免登录文档验证 (decision 0019): upload by presigned URL, sign (one document, a batch,
 * 骑缝章), read a document's facts, verify.
 */

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

const documentName = z
  .string({ error: '请填写文件名' })
  .check(
    z.trim(),
    z.minLength(1, '请填写文件名'),
    z.maxLength(200, '文件名不超过200个字符'),
    z.refine((n) => !/[\u0000-\u001f\\/]/.test(n), { error: '文件名不能包含斜杠或控制字符' }),
  );
const size = z
  .number({ error: '请填写文件大小' })
  .check(z.int('文件大小须为整数字节'), z.gte(1, '文件不能为空'), z.lte(MAX_DOCUMENT_BYTES, '文件过大，单个文件不能超过50MB'));
const sha256Hex = z.pipe(
  z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'SHA-256 摘要须为64位十六进制')),
  z.transform((s: string) => s.toLowerCase()),
);

export const DocumentIdParams = z.object({ documentId: id });
export type DocumentIdParams = z.infer<typeof DocumentIdParams>;

// ---------------------------------------------------------------- upload

export const CreateDocumentRequest = z.object({ name: documentName, size, sha256: z.optional(sha256Hex) });
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequest>;

/** PUT the file to `uploadUrl` with exactly these headers before `expiresAt`. */
export const UploadTicket = z.object({
  documentId: z.string(),
  uploadUrl: z.string(),
  uploadHeaders: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;

// ---------------------------------------------------------------- signing

/** Where a seal goes: 1-based page, PDF user-space point of its lower-left corner (origin bottom-left). */
export const SealPlacement = z.object({
  page: z.number({ error: '请指定页码' }).check(z.int('页码须为整数'), z.gte(1, '页码从1开始'), z.lte(100000, '页码过大')),
  x: z.number({ error: '请指定盖章位置' }).check(z.gte(0, '盖章位置不能为负'), z.lte(14400, '盖章位置超出页面')),
  y: z.number({ error: '请指定盖章位置' }).check(z.gte(0, '盖章位置不能为负'), z.lte(14400, '盖章位置超出页面')),
});
export type SealPlacement = z.infer<typeof SealPlacement>;

const placements = z._default(z.array(SealPlacement).check(z.maxLength(50, '一次最多盖50处')), []);
/** Client-chosen key: the same key again returns the first result instead of signing twice. */
const requestId = z.optional(
  z.string().check(z.minLength(8, '请求编号至少8位'), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')),
);

type Placed = { placements: unknown[]; crossPage?: boolean };
/** Every signing request names at least one place or asks for 骑缝章. */
const needsAPlace = z.refine<Placed>((r) => r.placements.length > 0 || r.crossPage === true, {
  error: '请至少指定一个盖章位置或选择骑缝章',
  path: ['placements'],
});

const certificationLevel = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '认证级别须为1、2或3' });

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

/**
 * UKey签章 (guide 五.3; decision 0123), two requests around the token's signature. Phase one:
 * `POST /v1/documents/{documentId}/ukey-sign` with the seal and places; the platform answers the
 * digest the UKey signs (base64) and the token's key to sign it with.
 */
export const UkeySignPrepareRequest = z.object({ sealId: id, placements, crossPage: z.optional(z.boolean()) }).check(needsAPlace);
export type UkeySignPrepareRequest = z.infer<typeof UkeySignPrepareRequest>;

export const UkeySignPrepared = z.object({
  signingId: z.string(),
  digest: z.string(),
  ukeySerial: z.string(),
  keyId: z.string(),
  expiresAt: z.string(),
});
export type UkeySignPrepared = z.infer<typeof UkeySignPrepared>;

/** Phase two: `POST /v1/documents/{documentId}/ukey-sign/{signingId}` with the token's signature (DER ECDSA, base64). */
export const UkeySignCompleteParams = z.object({ documentId: id, signingId: z.string().check(z.regex(/^uks-[0-9a-f-]{36}$/, 'Ukey签章编号不正确')) });
export type UkeySignCompleteParams = z.infer<typeof UkeySignCompleteParams>;
export const UkeySignCompleteRequest = z.object({
  signature: z.string({ error: 'Ukey签名格式不正确' }).check(z.minLength(4), z.maxLength(512), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Ukey签名格式不正确')),
});
export type UkeySignCompleteRequest = z.infer<typeof UkeySignCompleteRequest>;

/** The documents of a batch: at least one, at most `max`, none twice. */
const batchDocuments = <T extends z.ZodMiniType<{ documentId: string }>>(item: T, max: number) =>
  z
    .array(item)
    .check(
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

// ---------------------------------------------------------------- signing batches (a job)

/** Most documents in one signing batch run as a job (decision 0165). */
export const MAX_SIGNING_BATCH_DOCUMENTS = 1000;
/** A batch item's seals: fewer than one document's, so a 1,000-document request stays small. */
const batchPlacements = z._default(z.array(SealPlacement).check(z.maxLength(10, '批量签章每个文件最多盖10处')), []);
export const SigningBatchItem = z.object({ documentId: id, placements: batchPlacements, crossPage: z.optional(z.boolean()) }).check(needsAPlace);

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

// ---------------------------------------------------------------- reading

export const DocumentView = z.object({
  documentId: z.string(),
  name: z.string(),
  state: z.enum(['awaiting_upload', 'uploaded', 'signed']),
  size: z.nullable(z.number()),
  pages: z.nullable(z.number()),
  signatures: z.nullable(z.number()),
  /** Null when the document is not certified (or not yet read). */
  certification: z.nullable(Certification),
  version: z.number(),
  createdAt: z.string(),
  downloadUrl: z.nullable(z.string()),
  downloadExpiresAt: z.nullable(z.string()),
});
export type DocumentView = z.infer<typeof DocumentView>;

// ---------------------------------------------------------------- verification

/** `POST /v1/verify/uploads` (no login): a presigned upload for a file too large to post inline. */
export const CreateVerifyUploadRequest = z.object({ size });
export type CreateVerifyUploadRequest = z.infer<typeof CreateVerifyUploadRequest>;

export const VerifyUploadedRequest = z.object({ documentId: id });
export const ReportIdParams = z.object({ reportId: z.string().check(z.maxLength(64)) });
export type ReportIdParams = z.infer<typeof ReportIdParams>;
export type VerifyUploadedRequest = z.infer<typeof VerifyUploadedRequest>;

const verdict = z.enum(VERDICTS);
const indication = z.enum(INDICATIONS);
const subIndication = z.nullable(z.enum(SUB_INDICATIONS));
const nullableString = z.nullable(z.string());

/** Why a signature did not pass: the engine's code, its ETSI status, and the code in Chinese. */
export const VerificationFinding = z.object({
  code: z.enum(FINDING_CODES),
  indication: z.enum(['INDETERMINATE', 'TOTAL_FAILED']),
  subIndication: z.enum(SUB_INDICATIONS),
  message: z.string(),
});
export type VerificationFinding = z.infer<typeof VerificationFinding>;

/** One change a later revision made, judged by what the changed object is. */
export const VerificationModification = z.object({
  /** 1-based revision that made it. */
  revision: z.number(),
  level: z.enum(MODIFICATION_LEVELS),
  code: z.enum(MODIFICATION_CODES),
  object: z.nullable(z.number()),
  kind: z.nullable(z.enum(OBJECT_KINDS)),
  message: z.string(),
});
export type VerificationModification = z.infer<typeof VerificationModification>;

/**
 * One signature or document timestamp as the verifier found it (docs/verification-report.md),
 * worded in Chinese at the edge, plus who signed it according to the platform's records.
 */
export const VerifiedSignature = z.object({
  fieldName: z.string(),
  kind: z.enum(SIGNATURE_KINDS),
  subFilter: nullableString,
  indication,
  subIndication,
  verdict,
  /** Plain Chinese, most important first. */
  reasons: z.array(z.string()),
  findings: z.array(VerificationFinding),
  signer: z.object({
    name: nullableString,
    organization: nullableString,
    creditCode: nullableString,
    subject: nullableString,
    serialNumber: nullableString,
    /** The certificate's issuer (distinguished name) and validity, ISO times. */
    issuer: nullableString,
    notBefore: nullableString,
    notAfter: nullableString,
  }),
  /** `kind` is the platform's seal kind when the certificate's label is one of them, else null. */
  seal: z.object({ name: nullableString, kind: nullableString, kindLabel: nullableString }),
  signingTime: nullableString,
  timestamp: z.nullable(z.object({ time: z.string(), valid: z.boolean() })),
  algorithms: z.object({ digest: nullableString, signature: nullableString }),
  certificateStatus: z.enum(CERTIFICATE_STATUSES),
  integrity: z.enum(INTEGRITIES),
  coverage: z.enum(COVERAGES),
  coversWholeDocument: z.boolean(),
  modifiedAfter: z.enum(MODIFICATION_LEVELS),
  modifications: z.array(VerificationModification),
  revision: z.nullable(z.number()),
  certificationLevel: z.nullable(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  /** The platform's records of the seal, when the certificate is one the platform issued. */
  platform: z.nullable(
    z.object({
      companyId: z.string(),
      companyName: z.nullable(z.string()),
      sealId: z.string(),
      sealName: z.nullable(z.string()),
      sealKind: z.nullable(z.string()),
      /** The seal's state today (a seal revoked after signing leaves the signature valid). */
      sealStateNow: z.nullable(z.string()),
      certificateSerial: z.string(),
    }),
  ),
  /** The seal as an SVG image, for the UIs; null when the platform does not know the seal. */
  sealImageSvg: z.nullable(z.string()),
});
export type VerifiedSignature = z.infer<typeof VerifiedSignature>;

export const VerificationResult = z.object({
  verdict,
  indication,
  subIndication,
  reasons: z.array(z.string()),
  /** The document's certification (DocMDP) by its first signature, when it has one. */
  certification: z.nullable(z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), fieldName: z.string() })),
  signatures: z.array(VerifiedSignature),
  /** SHA-256 of the bytes verified, so a user can tell which file the report is about. */
  sha256: z.string(),
  size: z.number(),
  verifiedAt: z.string(),
  /** The downloadable report's id (`GET /v1/verify/reports/{reportId}`, PDF, kept a day). */
  reportId: z.optional(z.string()),
});
export type VerificationResult = z.infer<typeof VerificationResult>;

// ---------------------------------------------------------------- 用印记录 and 我的文件

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
