import * as z from 'zod/mini';
import { GRANT_ROLES } from '../../domain/roles';
import { GRANT_STATES } from '../../machines/grant-machine';
import { MEDIA } from '../../domain/seal';
import * as fields from '../fields';

/** 在线授权: `POST /v1/companies/{companyId}/grants`. */
export const CreateGrantRequest = z.object({
  role: fields.grantRole,
  sealIds: z.array(fields.id, { error: '请选择需要授权的印章' }).check(z.minLength(1, '请选择需要授权的印章'), z.maxLength(50)),
  grantee: z.object({ name: fields.personName, idNumber: fields.idNumber, phone: fields.phone }),
  medium: z._default(fields.medium, 'phone'),
  faceTicket: fields.faceTicket,
});
export type CreateGrantRequest = z.infer<typeof CreateGrantRequest>;

export const GrantView = z.object({
  grantId: z.string(),
  companyId: z.string(),
  companyName: z.optional(z.string()),
  role: z.enum(GRANT_ROLES),
  sealIds: z.array(z.string()),
  granteeId: z.string(),
  granteeName: z.string(),
  grantorId: z.string(),
  medium: z.enum(MEDIA),
  state: z.enum(GRANT_STATES),
  createdAt: z.string(),
  endedAt: z.optional(z.string()),
  /** Why it ended (取消授权, 营业执照变更：法定代表人变更…): a person who lost seals sees why. */
  endReason: z.optional(z.string()),
});
export type GrantView = z.infer<typeof GrantView>;

/** 我的 → 授权管理: `GET /v1/grants`. */
export const GrantListResponse = z.object({
  /** Grants I may cancel (我管理的印章). */
  managed: z.array(GrantView),
  /** Grants made to me. */
  held: z.array(GrantView),
  /** Grants made to me that ended in the last 90 days, with why: the seals I lost and the reason. */
  ended: z.optional(z.array(GrantView)),
});
export type GrantListResponse = z.infer<typeof GrantListResponse>;

export const CompanyParams = z.object({ companyId: fields.creditCode });
export const GrantParams = z.object({ companyId: fields.creditCode, grantId: fields.id });

/**
 * The seal's 印章数据 (GB/T 38540 SES_Seal) as the seal detail shows it: made by the platform's
 * SM2 seal maker when the seal gets its first certificate, made again when its certificates change
 * (decision 0077). Times are ISO instants; the apps show them in Beijing time.
 */
export const SealDataSummary = z.object({
  esId: z.string(),
  /** The seal maker (制章) certificate's common name. */
  maker: z.string(),
  validStart: z.string(),
  validEnd: z.string(),
  madeAt: z.string(),
  /** How many signer certificates the seal lists. */
  certificates: z.number(),
});
export type SealDataSummary = z.infer<typeof SealDataSummary>;

/** A seal as a person may see it, with the events their role may fire from its state. */
export const VisibleSeal = z.object({
  sealId: z.string(),
  kind: z.string(),
  name: z.string(),
  state: z.string(),
  /** The signature algorithm of its keys and certificates (decision 0078). */
  algorithm: z.string(),
  expiresOn: z.string(),
  /** The reason of the last state change (冻结原因, 注销原因, 营业执照变更…), for frozen and revoked seals. */
  stateReason: z.optional(z.string()),
  /** Absent until the seal is claimed. */
  sealData: z.optional(SealDataSummary),
  /** Seal machine events this caller may trigger now (the UI shows only these). */
  actions: z.array(z.object({ event: z.string(), action: z.string(), label: z.string(), proof: z.enum(['face', 'pin', 'ukey', 'none']) })),
});
export type VisibleSeal = z.infer<typeof VisibleSeal>;
export const CompanySealsResponse = z.object({
  company: z.object({ companyId: z.string(), name: z.string(), type: z.string(), status: z.string() }),
  roles: z.array(z.string()),
  seals: z.array(VisibleSeal),
});
export type CompanySealsResponse = z.infer<typeof CompanySealsResponse>;
