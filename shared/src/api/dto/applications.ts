import * as z from 'zod';
import {
  creditCode,
  faceTicket,
  grantRole,
  id,
  idNumber,
  medium,
  personName,
  phone,
  reasonText,
  revocationReason,
  sealKind,
} from '../fields';
import { ONLINE_APPLICABLE_KINDS, type SealKind } from '../../domain/seal';
import { APPLICATION_KINDS, APPLICATION_STATES } from '../../machines/application-machine';
import { SEAL_STATES } from '../../machines/seal-machine';

/** Kinds a person may ask for (custom seals have their own application). */
const applicableKind = sealKind.refine((k) => (ONLINE_APPLICABLE_KINDS as readonly SealKind[]).includes(k), { message: '印章类型不正确' });
const kinds = z
  .array(applicableKind, { error: '请选择需要申请的印章' })
  .min(1, '请至少选择一枚印章')
  .max(5)
  .refine((ks) => new Set(ks).size === ks.length, { message: '印章类型不能重复' });
const sealIds = z
  .array(id, { error: '请选择印章' })
  .min(1, '请至少选择一枚印章')
  .max(20, '一次最多办理20枚印章')
  .refine((ids) => new Set(ids).size === ids.length, { message: '印章不能重复选择' });

// ---------------------------------------------------------------- online apply (在线申请)

export const OnlineApplyRequest = z.object({
  faceTicket,
  kinds,
  /** 外资企业中英文法定名称章: only by window, with the supporting documents. */
  bilingualName: z.boolean().optional(),
});
export type OnlineApplyRequest = z.infer<typeof OnlineApplyRequest>;

export const SealSummary = z.object({
  sealId: z.string(),
  companyId: z.string(),
  kind: sealKind,
  name: z.string(),
  state: z.enum(SEAL_STATES),
  createdAt: z.string(),
});
export type SealSummary = z.infer<typeof SealSummary>;

export const OnlineApplyResponse = z.object({ seals: z.array(SealSummary) });
export type OnlineApplyResponse = z.infer<typeof OnlineApplyResponse>;

// ---------------------------------------------------------------- window applications (窗口办理)

/** 企业信息 as the applicant types it; checked against the registry. */
export const CompanyInput = z.object({
  creditCode,
  name: z.string({ error: '请填写企业名称' }).trim().min(2, '企业名称至少2个字').max(100, '企业名称过长'),
});
export type CompanyInput = z.infer<typeof CompanyInput>;

export const GranteeInput = z.object({ name: personName, idNumber, phone });
export type GranteeInput = z.infer<typeof GranteeInput>;

/** 授权设置 for seals that exist. */
export const GrantInput = z.object({ role: grantRole, grantee: GranteeInput, sealIds, medium: medium.default('phone') });
export type GrantInput = z.infer<typeof GrantInput>;

/** 授权设置 made together with an application for new seals: the seals are named by kind. */
export const PlannedGrantInput = z.object({ role: grantRole, grantee: GranteeInput, kinds, medium: medium.default('phone') });
export type PlannedGrantInput = z.infer<typeof PlannedGrantInput>;

const plannedGrants = z.array(PlannedGrantInput).max(10, '一次最多授权10人').optional();

export const SEAL_TEMPLATES = ['round', 'oval'] as const;
export const SEAL_TEMPLATE_LABELS: Record<(typeof SEAL_TEMPLATES)[number], string> = { round: '圆形印章', oval: '椭圆形印章' };

/** 选择现有印章模板 or 上传实物印章的盖章图片 (base64 PNG/JPEG ≤ 2 MB, checked by its bytes). */
export const CustomSealDesign = z.discriminatedUnion('source', [
  z.object({ source: z.literal('template'), template: z.enum(SEAL_TEMPLATES, { error: '印章模板不正确' }) }),
  z.object({ source: z.literal('image'), imageBase64: z.string({ error: '请上传印章图片' }).min(8).max(3_000_000, '印章图片不超过2MB') }),
]);
export type CustomSealDesign = z.infer<typeof CustomSealDesign>;

const sealName = z.string({ error: '请填写印章名称' }).trim().min(2, '印章名称至少2个字').max(20, '印章名称不超过20个字');

export const WindowApplicationRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('apply'), company: CompanyInput, kinds, bilingualName: z.boolean().optional(), grants: plannedGrants }),
  z.object({ kind: z.literal('authorize'), company: CompanyInput, grants: z.array(GrantInput).min(1, '请填写被授权人信息').max(10, '一次最多授权10人') }),
  z.object({
    kind: z.literal('cancel_authorization'),
    company: CompanyInput,
    grantIds: z.array(id, { error: '请选择需要取消的授权' }).min(1, '请选择需要取消的授权').max(20),
  }),
  z.object({ kind: z.literal('change'), company: CompanyInput, kinds, grants: plannedGrants }),
  z.object({ kind: z.literal('revoke'), company: CompanyInput, sealIds, reason: revocationReason }),
  z.object({ kind: z.literal('freeze'), company: CompanyInput, sealIds, reason: reasonText }),
  z.object({ kind: z.literal('unfreeze'), company: CompanyInput, sealIds, reason: reasonText }),
  z.object({
    kind: z.literal('custom_seal'),
    company: CompanyInput,
    sealName,
    design: CustomSealDesign,
    grants: z.array(z.object({ role: grantRole, grantee: GranteeInput, medium: medium.default('phone') })).max(10).optional(),
  }),
  z.object({
    kind: z.literal('system_integration'),
    company: CompanyInput,
    systemName: z.string({ error: '请填写接入系统名称' }).trim().min(2, '系统名称至少2个字').max(50, '系统名称过长'),
    contactName: personName,
    contactPhone: phone,
    purpose: z.string({ error: '请填写接入用途' }).trim().min(2, '接入用途至少2个字').max(200, '接入用途不超过200字'),
  }),
]);
export type WindowApplicationRequest = z.infer<typeof WindowApplicationRequest>;

export const ApplicationView = z.object({
  applicationId: z.string(),
  /** 申请编号: printed on the form with its QR code; staff find the application by it. */
  reference: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  kindLabel: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  state: z.enum(APPLICATION_STATES),
  stateLabel: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decisionReason: z.string().optional(),
  version: z.number(),
  /** What the form says, ID numbers masked. */
  form: z.record(z.string(), z.unknown()),
  /** What approval produced (seal ids, grant ids, the integration client id). */
  outcome: z.record(z.string(), z.unknown()).optional(),
  formUrl: z.string(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationList = z.object({ items: z.array(ApplicationView), cursor: z.string().optional() });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const ApplicationIdParams = z.object({ applicationId: id });
export const CompanyIdParams = z.object({ companyId: creditCode });

export const StaffQueueQuery = z.object({
  state: z.enum(APPLICATION_STATES, { error: '申请状态不正确' }).default('submitted'),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ApproveApplicationRequest = z.object({ expectedVersion: z.number().int().min(1).optional() });
export const RejectApplicationRequest = z.object({ reason: reasonText, expectedVersion: z.number().int().min(1).optional() });
/** 撤回: the applicant, before the window decides. */
export const WithdrawApplicationRequest = z.object({ expectedVersion: z.number().int().min(1).optional() });

// ---------------------------------------------------------------- custom seal preview

export const CustomSealPreviewRequest = z.object({ sealName, template: z.enum(SEAL_TEMPLATES, { error: '印章模板不正确' }) });

// ---------------------------------------------------------------- integration (系统接入)

export const IntegrationClientView = z.object({
  clientId: z.string(),
  companyId: z.string(),
  state: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  rotatedAt: z.string().optional(),
  /** False until the legal representative or administrator has taken the first secret. */
  secretIssued: z.boolean(),
});
export type IntegrationClientView = z.infer<typeof IntegrationClientView>;

export const IntegrationClientParams = z.object({ companyId: creditCode, clientId: id });
/** Issuing or rotating a secret, and revoking a client, need a face check (`integration.manage_credentials`). */
export const ManageCredentialsRequest = z.object({ faceTicket });
export const IssuedSecretResponse = z.object({
  clientId: z.string(),
  /** Shown once: the platform keeps only its hash. */
  clientSecret: z.string(),
  authorization: z.string(),
});
export type IssuedSecretResponse = z.infer<typeof IssuedSecretResponse>;
