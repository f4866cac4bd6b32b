import { isValidCreditCode, isValidIdNumber, type GrantRole, type Medium, type RevocationCategory, type SealKind } from '../../../domain';
import type { WindowApplication } from '../../../services/applications';

export const WINDOW_KINDS = [
  'apply',
  'authorize',
  'cancel_authorization',
  'change',
  'freeze',
  'unfreeze',
  'revoke',
  'system_integration',
] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

type PlannedGrant = NonNullable<Extract<WindowApplication, { kind: 'apply' }>['grants']>[number];
type SealGrant = Extract<WindowApplication, { kind: 'authorize' }>['grants'][number];

export const WINDOW_TITLES: Record<WindowKind, string> = {
  apply: '窗口申请',
  authorize: '窗口授权',
  cancel_authorization: '窗口取消授权',
  change: '窗口变更',
  freeze: '窗口冻结',
  unfreeze: '窗口解冻',
  revoke: '窗口注销',
  system_integration: '系统接入',
};

/** Everything the window form can hold; each kind reads its own part. */
export interface WindowDraft {
  creditCode: string;
  companyName: string;
  kinds: SealKind[];
  sealIds: string[];
  grantIds: string[];
  /** 同时进行授权设置 (印章申请 / 变更): one person authorized with the new seals. */
  withGrant: boolean;
  /** Which of the seals applied for that person gets. */
  grantKinds: SealKind[];
  role: GrantRole;
  grantee: { name: string; idNumber: string; phone: string };
  /** 领取介质: where the grantee will hold the seal (手机 or UKey). */
  medium: Medium;
  /** Other grantees of a corrected application (made elsewhere), sent again unchanged; of the draft's own kind. */
  moreGrants: (PlannedGrant | SealGrant)[];
  /** 中英文法定名称章 (foreign-invested companies, 印章申请 only). */
  bilingualName: boolean;
  reason: string;
  category?: RevocationCategory;
  systemName: string;
  contactName: string;
  contactPhone: string;
  purpose: string;
}

export const emptyDraft = (): WindowDraft => ({
  creditCode: '',
  companyName: '',
  kinds: [],
  sealIds: [],
  grantIds: [],
  withGrant: false,
  grantKinds: [],
  role: 'seal_holder',
  grantee: { name: '', idNumber: '', phone: '' },
  medium: 'phone',
  moreGrants: [],
  bilingualName: false,
  reason: '',
  systemName: '',
  contactName: '',
  contactPhone: '',
  purpose: '',
});

const PHONE = /^1[3-9]\d{9}$/;

function granteeOf(d: WindowDraft): WindowDraft['grantee'] | { problem: string } {
  const grantee = { name: d.grantee.name.trim(), idNumber: d.grantee.idNumber.trim().toUpperCase(), phone: d.grantee.phone.trim() };
  if (grantee.name.length < 2) return { problem: '请填写被授权人姓名' };
  if (!isValidIdNumber(grantee.idNumber)) return { problem: '身份证号码格式或校验位不正确' };
  if (!PHONE.test(grantee.phone)) return { problem: '手机号码格式不正确' };
  return grantee;
}

/** The request for `kind`, or the first problem in Chinese (the API checks everything again). */
export function buildWindowRequest(kind: WindowKind, d: WindowDraft): { request: WindowApplication } | { problem: string } {
  const creditCode = d.creditCode.trim().toUpperCase();
  if (!isValidCreditCode(creditCode)) return { problem: '统一社会信用代码格式或校验位不正确' };
  if (d.companyName.trim().length < 2) return { problem: '请填写企业名称' };
  const company = { creditCode, name: d.companyName.trim() };
  const reason = d.reason.trim();
  switch (kind) {
    case 'apply':
    case 'change': {
      if (d.kinds.length === 0) return { problem: '请至少选择一枚印章' };
      if (kind === 'apply' && d.bilingualName && !d.kinds.includes('company_name'))
        return { problem: '申请中英文法定名称章须同时选择法定名称章' };
      const bilingual = kind === 'apply' && d.bilingualName ? { bilingualName: true } : {};
      const more = d.moreGrants as PlannedGrant[];
      if (!d.withGrant) return { request: { kind, company, kinds: d.kinds, ...bilingual, ...(more.length > 0 ? { grants: more } : {}) } };
      const grantKinds = d.grantKinds.filter((k) => d.kinds.includes(k));
      if (grantKinds.length === 0) return { problem: '请选择授权的印章' };
      const grantee = granteeOf(d);
      if ('problem' in grantee) return grantee;
      const grant: PlannedGrant = { role: d.role, grantee, kinds: grantKinds, medium: d.medium };
      return { request: { kind, company, kinds: d.kinds, ...bilingual, grants: [grant, ...more] } };
    }
    case 'authorize': {
      if (d.sealIds.length === 0) return { problem: '请选择需要授权的印章' };
      const grantee = granteeOf(d);
      if ('problem' in grantee) return grantee;
      const grant: SealGrant = { role: d.role, grantee, sealIds: d.sealIds, medium: d.medium };
      return { request: { kind, company, grants: [grant, ...(d.moreGrants as SealGrant[])] } };
    }
    case 'cancel_authorization':
      if (d.grantIds.length === 0) return { problem: '请选择需要取消的授权' };
      return { request: { kind, company, grantIds: d.grantIds } };
    case 'freeze':
    case 'unfreeze':
      if (d.sealIds.length === 0) return { problem: '请至少选择一枚印章' };
      if (reason.length < 2) return { problem: '请填写原因（至少2个字）' };
      return { request: { kind, company, sealIds: d.sealIds, reason } };
    case 'revoke':
      if (d.sealIds.length === 0) return { problem: '请至少选择一枚印章' };
      if (!d.category) return { problem: '请选择注销原因' };
      if (d.category === 'other' && reason.length < 2) return { problem: '选择其他原因时请注明原因' };
      return { request: { kind, company, sealIds: d.sealIds, reason: { category: d.category, ...(reason ? { text: reason } : {}) } } };
    case 'system_integration':
      if (d.systemName.trim().length < 2) return { problem: '请填写接入系统名称' };
      if (d.contactName.trim().length < 2) return { problem: '请填写联系人姓名' };
      if (!PHONE.test(d.contactPhone.trim())) return { problem: '手机号码格式不正确' };
      if (d.purpose.trim().length < 2) return { problem: '请填写接入用途' };
      return {
        request: {
          kind,
          company,
          systemName: d.systemName.trim(),
          contactName: d.contactName.trim(),
          contactPhone: d.contactPhone.trim(),
          purpose: d.purpose.trim(),
        },
      };
  }
}

/**
 * The form again, filled in from a rejected application's `correction` (the request as it was
 * submitted), for the applicant to correct and resubmit. Null for a business this form does not hold.
 */
export function draftFromCorrection(correction: Record<string, unknown>): { kind: WindowKind; draft: WindowDraft } | null {
  const request = correction as WindowApplication;
  if (!(WINDOW_KINDS as readonly string[]).includes(request.kind)) return null;
  const kind = request.kind as WindowKind;
  const draft: WindowDraft = { ...emptyDraft(), creditCode: request.company.creditCode, companyName: request.company.name };
  const withGrantee = (g: PlannedGrant | SealGrant, rest: (PlannedGrant | SealGrant)[]) =>
    Object.assign(draft, { role: g.role, grantee: { ...g.grantee }, medium: g.medium ?? 'phone', moreGrants: rest });
  switch (request.kind) {
    case 'apply':
    case 'change': {
      draft.kinds = [...request.kinds];
      draft.bilingualName = request.kind === 'apply' && request.bilingualName === true;
      const [first, ...rest] = request.grants ?? [];
      if (first) Object.assign(withGrantee(first, rest), { withGrant: true, grantKinds: [...first.kinds] });
      break;
    }
    case 'authorize': {
      const [first, ...rest] = request.grants;
      if (first) Object.assign(withGrantee(first, rest), { sealIds: [...first.sealIds] });
      break;
    }
    case 'cancel_authorization':
      draft.grantIds = [...request.grantIds];
      break;
    case 'freeze':
    case 'unfreeze':
      draft.sealIds = [...request.sealIds];
      draft.reason = request.reason;
      break;
    case 'revoke':
      draft.sealIds = [...request.sealIds];
      draft.category = request.reason.category;
      draft.reason = request.reason.text ?? '';
      break;
    case 'system_integration':
      Object.assign(draft, {
        systemName: request.systemName,
        contactName: request.contactName,
        contactPhone: request.contactPhone,
        purpose: request.purpose,
      });
      break;
  }
  return { kind, draft };
}
