import * as z from 'zod/mini';
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
  sealAlgorithm,
  sealKind,
} from '../fields';
import { ONLINE_APPLICABLE_KINDS, type SealKind } from '../../domain/seal';
import { APPLICATION_KINDS, APPLICATION_STATES } from '../../machines/application-machine';
import { SEAL_STATES } from '../../machines/seal-machine';

/** Kinds a person may ask for (custom seals have their own application). */
const applicableKind = sealKind.check(z.refine((k) => (ONLINE_APPLICABLE_KINDS as readonly SealKind[]).includes(k), { error: '印章类型不正确' }));
const kinds = z
  .array(applicableKind, { error: '请选择需要申请的印章' })
  .check(
    z.minLength(1, '请至少选择一枚印章'),
    z.maxLength(5),
    z.refine((ks) => new Set(ks).size === ks.length, { error: '印章类型不能重复' }),
  );
const sealIds = z
  .array(id, { error: '请选择印章' })
  .check(
    z.minLength(1, '请至少选择一枚印章'),
    z.maxLength(20, '一次最多办理20枚印章'),
    z.refine((ids) => new Set(ids).size === ids.length, { error: '印章不能重复选择' }),
  );

// ---------------------------------------------------------------- online apply (在线申请)

export const OnlineApplyRequest = z.object({
  faceTicket,
  /** The verified 电子营业执照 authorization (`LicenceAuthorizationResult.authorizationId`), spent by the application. */
  licenceTicket: z.string({ error: '请先完成电子营业执照验证' }).check(z.minLength(16, '请先完成电子营业执照验证'), z.maxLength(128)),
  kinds,
  /** 外资企业中英文法定名称章: only by window, with the supporting documents. */
  bilingualName: z.optional(z.boolean()),
  /** The new seals' signature algorithm; absent = DEFAULT_SEAL_ALGORITHM (decision 0078). */
  sealAlgorithm: z.optional(sealAlgorithm),
});
export type OnlineApplyRequest = z.infer<typeof OnlineApplyRequest>;

// ---------------------------------------------------------------- 电子营业执照 (e-licence authorization)

/**
 * How the phone has the licence presented: locally, the platform's stand-in page (the licence shown,
 * 授权 or 拒绝). The national 电子营业执照 system's launch (its mini-program and what to hand it) is
 * added with its adapter (decision 0090).
 */
export const LicenceLaunch = z.object({ mode: z.literal('simulated') });
export type LicenceLaunch = z.infer<typeof LicenceLaunch>;

export const LicenceAuthorizationStarted = z.object({
  authorizationId: z.string(),
  company: z.object({ companyId: z.string(), name: z.string() }),
  launch: LicenceLaunch,
  expiresAt: z.string(),
});
export type LicenceAuthorizationStarted = z.infer<typeof LicenceAuthorizationStarted>;

export const LicenceParams = z.object({ authorizationId: id });

/** What the phone brings back: the licence platform's authorization code, or (local runs) the simulated consent. */
export const LicenceResultRequest = z.object({
  authCode: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  presented: z.optional(z.boolean()),
});
export type LicenceResultRequest = z.infer<typeof LicenceResultRequest>;

/** The licence as verified: shown to the person before the face check. */
export const LicenceAuthorizationResult = z.object({
  authorizationId: z.string(),
  state: z.literal('verified'),
  licence: z.object({ companyId: z.string(), companyName: z.string(), companyTypeLabel: z.string(), legalRepName: z.string(), registeredOn: z.string() }),
});
export type LicenceAuthorizationResult = z.infer<typeof LicenceAuthorizationResult>;

export const SealSummary = z.object({
  sealId: z.string(),
  companyId: z.string(),
  kind: sealKind,
  name: z.string(),
  state: z.enum(SEAL_STATES),
  algorithm: sealAlgorithm,
  createdAt: z.string(),
});
export type SealSummary = z.infer<typeof SealSummary>;

export const OnlineApplyResponse = z.object({ seals: z.array(SealSummary) });
export type OnlineApplyResponse = z.infer<typeof OnlineApplyResponse>;

// ---------------------------------------------------------------- window applications (窗口办理)

/** 企业信息 as the applicant types it; checked against the registry. */
export const CompanyInput = z.object({
  creditCode,
  name: z.string({ error: '请填写企业名称' }).check(z.trim(), z.minLength(2, '企业名称至少2个字'), z.maxLength(100, '企业名称过长')),
});
export type CompanyInput = z.infer<typeof CompanyInput>;

export const GranteeInput = z.object({ name: personName, idNumber, phone });
export type GranteeInput = z.infer<typeof GranteeInput>;

/** 授权设置 for seals that exist. */
export const GrantInput = z.object({ role: grantRole, grantee: GranteeInput, sealIds, medium: z._default(medium, 'phone') });
export type GrantInput = z.infer<typeof GrantInput>;

/** 授权设置 made together with an application for new seals: the seals are named by kind. */
export const PlannedGrantInput = z.object({ role: grantRole, grantee: GranteeInput, kinds, medium: z._default(medium, 'phone') });
export type PlannedGrantInput = z.infer<typeof PlannedGrantInput>;

const plannedGrants = z.optional(z.array(PlannedGrantInput).check(z.maxLength(10, '一次最多授权10人')));

export const SEAL_TEMPLATES = ['round', 'oval'] as const;
export const SEAL_TEMPLATE_LABELS: Record<(typeof SEAL_TEMPLATES)[number], string> = { round: '圆形印章', oval: '椭圆形印章' };

/** 选择现有印章模板 or 上传实物印章的盖章图片 (base64 PNG/JPEG ≤ 2 MB, checked by its bytes). */
export const CustomSealDesign = z.discriminatedUnion('source', [
  z.object({ source: z.literal('template'), template: z.enum(SEAL_TEMPLATES, { error: '印章模板不正确' }) }),
  z.object({ source: z.literal('image'), imageBase64: z.string({ error: '请上传印章图片' }).check(z.minLength(8), z.maxLength(3_000_000, '印章图片不超过2MB')) }),
]);
export type CustomSealDesign = z.infer<typeof CustomSealDesign>;

const sealName = z
  .string({ error: '请填写印章名称' })
  .check(z.trim(), z.minLength(2, '印章名称至少2个字'), z.maxLength(20, '印章名称不超过20个字'));

export const WindowApplicationRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('apply'), company: CompanyInput, kinds, bilingualName: z.optional(z.boolean()), sealAlgorithm: z.optional(sealAlgorithm), grants: plannedGrants }),
  z.object({ kind: z.literal('authorize'), company: CompanyInput, grants: z.array(GrantInput).check(z.minLength(1, '请填写被授权人信息'), z.maxLength(10, '一次最多授权10人')) }),
  z.object({
    kind: z.literal('cancel_authorization'),
    company: CompanyInput,
    grantIds: z.array(id, { error: '请选择需要取消的授权' }).check(z.minLength(1, '请选择需要取消的授权'), z.maxLength(20)),
  }),
  z.object({ kind: z.literal('change'), company: CompanyInput, kinds, sealAlgorithm: z.optional(sealAlgorithm), grants: plannedGrants }),
  z.object({ kind: z.literal('revoke'), company: CompanyInput, sealIds, reason: revocationReason }),
  z.object({ kind: z.literal('freeze'), company: CompanyInput, sealIds, reason: reasonText }),
  z.object({ kind: z.literal('unfreeze'), company: CompanyInput, sealIds, reason: reasonText }),
  z.object({
    kind: z.literal('custom_seal'),
    company: CompanyInput,
    sealName,
    design: CustomSealDesign,
    sealAlgorithm: z.optional(sealAlgorithm),
    grants: z.optional(z.array(z.object({ role: grantRole, grantee: GranteeInput, medium: z._default(medium, 'phone') })).check(z.maxLength(10))),
  }),
  z.object({
    kind: z.literal('system_integration'),
    company: CompanyInput,
    systemName: z.string({ error: '请填写接入系统名称' }).check(z.trim(), z.minLength(2, '系统名称至少2个字'), z.maxLength(50, '系统名称过长')),
    contactName: personName,
    contactPhone: phone,
    purpose: z.string({ error: '请填写接入用途' }).check(z.trim(), z.minLength(2, '接入用途至少2个字'), z.maxLength(200, '接入用途不超过200字')),
  }),
]);
export type WindowApplicationRequest = z.infer<typeof WindowApplicationRequest>;

/** The form as staff read it and the PDF prints it: titled sections of labelled rows (ID numbers masked). */
export const FormContent = z.object({
  title: z.string(),
  reference: z.string(),
  sections: z.array(z.object({ heading: z.string(), rows: z.array(z.tuple([z.string(), z.string()])) })),
});
export type FormContent = z.infer<typeof FormContent>;

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
  decidedAt: z.optional(z.string()),
  decisionReason: z.optional(z.string()),
  version: z.number(),
  /** What the form says, ID numbers masked. */
  form: FormContent,
  /** A rejected application corrected and submitted again: the new one names the old, the old the new. */
  resubmissionOf: z.optional(z.string()),
  resubmittedAs: z.optional(z.string()),
  /**
   * The request as submitted, for its applicant to correct after a rejection (only on the
   * applicant's own rejected application that can be resubmitted).
   */
  correction: z.optional(z.record(z.string(), z.unknown())),
  /** What approval produced (seal ids, grant ids, the integration client id). */
  outcome: z.optional(z.record(z.string(), z.unknown())),
  formUrl: z.string(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationList = z.object({ items: z.array(ApplicationView), cursor: z.optional(z.string()) });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const ApplicationIdParams = z.object({ applicationId: id });
export const CompanyIdParams = z.object({ companyId: creditCode });

export const StaffQueueQuery = z.object({
  state: z._default(z.enum(APPLICATION_STATES, { error: '申请状态不正确' }), 'submitted'),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

/** `GET /v1/applications/mine`: newest first, a page at a time. */
export const MyApplicationsQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

const expectedVersion = z.optional(z.number().check(z.int(), z.gte(1)));

export const ApproveApplicationRequest = z.object({ expectedVersion });
export const RejectApplicationRequest = z.object({ reason: reasonText, expectedVersion });
/** 撤回: the applicant, before the window decides. */
export const WithdrawApplicationRequest = z.object({ expectedVersion });
/** 修改后重新提交: the corrected form of a rejected application (same business), as a new application. */
export const ResubmitApplicationRequest = z.object({ request: WindowApplicationRequest, expectedVersion });
export type ResubmitApplicationRequest = z.infer<typeof ResubmitApplicationRequest>;

// ---------------------------------------------------------------- custom seal preview

export const CustomSealPreviewRequest = z.object({ sealName, template: z.enum(SEAL_TEMPLATES, { error: '印章模板不正确' }) });

// ---------------------------------------------------------------- integration (系统接入)

export const IntegrationClientView = z.object({
  clientId: z.string(),
  companyId: z.string(),
  state: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  rotatedAt: z.optional(z.string()),
  /** False until the legal representative or administrator has taken the first secret. */
  secretIssued: z.boolean(),
});
export type IntegrationClientView = z.infer<typeof IntegrationClientView>;
export type IntegrationClientList = { items: IntegrationClientView[] };

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
export type RevokedClientResponse = { clientId: string; state: 'revoked' };
/** `GET /v1/integration/seals`: the integrated system's own company's seals. */
export type IntegrationSealsResponse = { companyId: string; seals: SealSummary[] };
