import * as z from 'zod/mini';
import { creditCode, faceTicket, id, medium, newPin, pin, reasonText, revocationReason, sealAlgorithm, sealKind } from '../fields';
import { ONLINE_APPLICABLE_KINDS, type SealKind } from '../../domain/seal';
import { SEAL_STATES } from '../../machines/seal-machine';
import { CREDENTIAL_STATES } from '../../machines/credential-machine';

/** The seal life cycle (印章领取, 印章管理, 变更, 注销, 冻结/解冻, 续期) and the platform PKI. Decision 0012. */

const PIN_MISMATCH = '两次输入的签章密码不一致';

const sealIds = z
  .array(id, { error: '请选择印章' })
  .check(
    z.minLength(1, '请至少选择一枚印章'),
    z.maxLength(20, '一次最多办理20枚印章'),
    z.refine((ids) => new Set(ids).size === ids.length, { error: '印章不能重复选择' }),
  );

export const SealIdParams = z.object({ sealId: id });
export const CompanyIdParams = z.object({ companyId: creditCode });

// ---------------------------------------------------------------- claim (印章领取)

export const ClaimSealRequest = z
  .object({ faceTicket, pin: newPin, pinConfirm: z.string({ error: '请再次输入签章密码' }), medium: z._default(medium, 'phone') })
  .check(z.refine((r) => r.pin === r.pinConfirm, { error: PIN_MISMATCH, path: ['pinConfirm'] }));
export type ClaimSealRequest = z.infer<typeof ClaimSealRequest>;

/** What "证书下载成功!" shows: the certificate the platform CA just issued. */
export const CertificateView = z.object({
  serialNumber: z.string(),
  subject: z.string(),
  issuer: z.string(),
  companyName: z.optional(z.string()),
  creditCode: z.optional(z.string()),
  sealName: z.optional(z.string()),
  holderName: z.optional(z.string()),
  notBefore: z.string(),
  notAfter: z.string(),
  /** PEM of the certificate. */
  pem: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const CredentialView = z.object({
  credentialId: z.string(),
  sealId: z.string(),
  companyId: z.string(),
  state: z.enum(CREDENTIAL_STATES),
  medium,
  custody: z.enum(['kms-envelope', 'kms-asymmetric']),
  createdAt: z.string(),
  certificate: CertificateView,
});
export type CredentialView = z.infer<typeof CredentialView>;

export const SealStateView = z.object({
  sealId: z.string(),
  companyId: z.string(),
  kind: sealKind,
  name: z.string(),
  state: z.enum(SEAL_STATES),
  algorithm: sealAlgorithm,
  expiresOn: z.string(),
  version: z.number(),
});
export type SealStateView = z.infer<typeof SealStateView>;

export const ClaimSealResponse = z.object({ message: z.string(), seal: SealStateView, credential: CredentialView });
export type ClaimSealResponse = z.infer<typeof ClaimSealResponse>;
/** `GET /v1/seals/{sealId}/credential`: the caller's own credential of the seal. */
export type MyCredentialResponse = { seal: SealStateView; credential: CredentialView };

// ---------------------------------------------------------------- PIN (修改 / 忘记签章密码)

export const ChangePinRequest = z
  .object({ faceTicket, currentPin: pin, newPin, newPinConfirm: z.string({ error: '请再次输入新密码' }) })
  .check(z.refine((r) => r.newPin === r.newPinConfirm, { error: PIN_MISMATCH, path: ['newPinConfirm'] }));
export type ChangePinRequest = z.infer<typeof ChangePinRequest>;
export const ChangePinResponse = z.object({ message: z.string() });

export const ResetPinRequest = z
  .object({ faceTicket, newPin, newPinConfirm: z.string({ error: '请再次输入新密码' }) })
  .check(z.refine((r) => r.newPin === r.newPinConfirm, { error: PIN_MISMATCH, path: ['newPinConfirm'] }));
export type ResetPinRequest = z.infer<typeof ResetPinRequest>;
export const ResetPinResponse = ClaimSealResponse;

// ---------------------------------------------------------------- freeze / unfreeze / revoke / renew

export const FreezeSealsRequest = z.object({ faceTicket, sealIds, reason: reasonText });
export type FreezeSealsRequest = z.infer<typeof FreezeSealsRequest>;
export const UnfreezeSealsRequest = FreezeSealsRequest;
export type UnfreezeSealsRequest = FreezeSealsRequest;

export const RevokeSealsRequest = z.object({ faceTicket, sealIds, reason: revocationReason });
export type RevokeSealsRequest = z.infer<typeof RevokeSealsRequest>;

/** 续期 extends what the seal can sign with: a face check, as for the other life-cycle steps (decision 0107). */
export const RenewSealsRequest = z.object({ faceTicket, sealIds });
export type RenewSealsRequest = z.infer<typeof RenewSealsRequest>;

/** One seal's outcome in a batch: every seal is its own atomic change with its own audit event. */
export const SealOutcome = z.object({
  sealId: z.string(),
  ok: z.boolean(),
  state: z.optional(z.enum(SEAL_STATES)),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
});
export type SealOutcome = z.infer<typeof SealOutcome>;
export const SealBatchResponse = z.object({ message: z.string(), results: z.array(SealOutcome) });
export type SealBatchResponse = z.infer<typeof SealBatchResponse>;

// ---------------------------------------------------------------- online change (在线变更)

const applicableKind = sealKind.check(z.refine((k) => (ONLINE_APPLICABLE_KINDS as readonly SealKind[]).includes(k), { error: '印章类型不正确' }));
export const OnlineChangeRequest = z.object({
  faceTicket,
  sealAlgorithm: z.optional(sealAlgorithm),
  kinds: z
    .array(applicableKind, { error: '请选择需要重新申请的印章' })
    .check(
      z.minLength(1, '请至少选择一枚印章'),
      z.maxLength(5),
      z.refine((ks) => new Set(ks).size === ks.length, { error: '印章类型不能重复' }),
    ),
});
export type OnlineChangeRequest = z.infer<typeof OnlineChangeRequest>;
export const OnlineChangeResponse = z.object({ message: z.string(), seals: z.array(SealStateView) });
export type OnlineChangeResponse = z.infer<typeof OnlineChangeResponse>;

// ---------------------------------------------------------------- audit chain

export const AuditVerifyResponse = z.object({
  companyId: z.string(),
  events: z.number(),
  intact: z.boolean(),
  head: z.nullable(z.object({ seq: z.number(), hash: z.string() })),
  firstBreak: z.nullable(z.object({ seq: z.number(), problem: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap']) })),
  /** The first link's seq (1: the whole chain) and whether what precedes it is proven (decision 0226). */
  fromSeq: z.number(),
  anchored: z.boolean(),
  /** Links after the last checkpoint: chained, not yet timestamped. */
  untimestamped: z.number(),
  /** Events recorded but not linked into the chain yet (the chainer links them within seconds; counted up to 1,000). */
  pending: z.number(),
  /** The chain's heads timestamped by the platform TSA, checked against the chain. */
  checkpoints: z.object({
    count: z.number(),
    latest: z.nullable(z.object({ seq: z.number(), at: z.string() })),
    firstBreak: z.nullable(z.object({ seq: z.number(), problem: z.enum(['beyond_chain', 'hash_mismatch', 'token_invalid']) })),
  }),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

/** An audit event as the chain holds it: its facts, the previous link's hash and its own (decision 0160). */
export const AuditEventLink = z.object({
  companyId: z.string(),
  seq: z.number(),
  at: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  action: z.string(),
  subject: z.string(),
  reason: z.optional(z.string()),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventLink = z.infer<typeof AuditEventLink>;

/** A checkpoint: the chain's head at `seq`, in an RFC 3161 token (base64 DER) of the platform TSA. */
export const AuditCheckpoint = z.object({ companyId: z.string(), seq: z.number(), hash: z.string(), at: z.string(), token: z.string() });
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

/** The previous page's cursor, sealed by the platform for this caller and query (functions/src/http/cursor.ts). */
const seqCursor = z.optional(z.string().check(z.maxLength(4096)));

/** 审计记录: the newest events first, a screenful at a time (decision 0225). */
export const AuditEventsQuery = z.object({ cursor: seqCursor, limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20) });
export type AuditEventsQuery = z.infer<typeof AuditEventsQuery>;
export const AuditEventList = z.object({ items: z.array(AuditEventLink), cursor: z.optional(z.string()) });
export type AuditEventList = z.infer<typeof AuditEventList>;

/** The longest span one export covers, and the most links one page carries (decision 0225). */
export const AUDIT_EXPORT_MAX_DAYS = 366;
export const AUDIT_EXPORT_PAGE_MAX = 1000;
const day = z.string({ error: '请选择日期' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD'), z.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)), { error: '日期不正确' }));
const DAY_MS = 86_400_000;

/**
 * 导出: the links recorded from `from` to `to` (Beijing days, both included), a contiguous part of
 * the chain, `limit` links a page; `cursor` from the previous page.
 */
export const AuditExportQuery = z
  .object({
    from: day,
    to: day,
    cursor: seqCursor,
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(AUDIT_EXPORT_PAGE_MAX)), AUDIT_EXPORT_PAGE_MAX),
  })
  .check(
    z.refine((q) => q.from <= q.to, { error: '截止日期不能早于起始日期', path: ['to'] }),
    z.refine((q) => Date.parse(q.to) - Date.parse(q.from) < AUDIT_EXPORT_MAX_DAYS * DAY_MS, { error: `一次最多导出${AUDIT_EXPORT_MAX_DAYS}天的审计记录`, path: ['to'] }),
  );
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

/** What an export file says it is; `seal audit verify` refuses anything else. */
export const AUDIT_EXPORT_FORMAT = 'seal-audit-export' as const;

/**
 * One page of an export, and (the pages' events and checkpoints joined, `cursor` dropped) the file
 * the desktop saves: everything `seal audit verify` needs besides the platform root it trusts.
 */
export const AuditExport = z.object({
  format: z.literal(AUDIT_EXPORT_FORMAT),
  version: z.literal(1),
  companyId: z.string(),
  from: z.string(),
  to: z.string(),
  exportedAt: z.string(),
  /** Contiguous links in seq order. */
  events: z.array(AuditEventLink),
  /** Every checkpoint from the one before the first link to the last link. */
  checkpoints: z.array(AuditCheckpoint),
  /** The platform root and TSA certificates (PEM) the checkpoints' tokens chain to: for a reader's convenience, never trusted from the file. */
  certificates: z.object({ root: z.string(), tsa: z.array(z.string()) }),
  cursor: z.optional(z.string()),
});
export type AuditExport = z.infer<typeof AuditExport>;

// ---------------------------------------------------------------- platform PKI

export const CertificateStatusParams = z.object({ serial: z.string().check(z.regex(/^[0-9a-fA-F]{1,64}$/, '证书序列号格式不正确')) });
/** Which of the platform's CA hierarchies (decision 0076): the P-256 one when absent, `sm2` the SM2 one. */
export const PlatformCaQuery = z.object({ ca: z.optional(z.enum(['sm2'], { error: '证书体系不正确' })) });
/**
 * RFC 6960 appendix A.1: an OCSP request by GET is the DER request, base64, URL-encoded, as the last
 * path segment; base64url is taken too. Bounded as the POST body is (8 KB of DER).
 */
export const OcspGetParams = z.object({ request: z.string().check(z.regex(/^[A-Za-z0-9+/_=-]{4,11000}$/, 'OCSP 请求格式不正确')) });
export const CertificateStatusQuery = z.object({ at: z.optional(z.iso.datetime({ offset: true, error: '时间格式不正确' })) });
export const CertificateStatusResponse = z.object({
  serialNumber: z.string(),
  known: z.boolean(),
  status: z.enum(['valid', 'revoked', 'expired', 'not_yet_valid', 'unknown']),
  at: z.string(),
  revokedAt: z.optional(z.string()),
  reason: z.optional(z.string()),
  sealId: z.optional(z.string()),
  companyId: z.optional(z.string()),
  notBefore: z.optional(z.string()),
  notAfter: z.optional(z.string()),
});
export type CertificateStatusResponse = z.infer<typeof CertificateStatusResponse>;
