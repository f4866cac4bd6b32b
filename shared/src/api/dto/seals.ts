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
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

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
