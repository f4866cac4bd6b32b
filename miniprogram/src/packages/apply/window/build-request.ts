import { isValidCreditCode, isValidIdNumber, type GrantRole, type RevocationCategory, type SealKind } from '../../../domain';
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
  role: GrantRole;
  grantee: { name: string; idNumber: string; phone: string };
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
  role: 'seal_holder',
  grantee: { name: '', idNumber: '', phone: '' },
  reason: '',
  systemName: '',
  contactName: '',
  contactPhone: '',
  purpose: '',
});

const PHONE = /^1[3-9]\d{9}$/;

/** The request for `kind`, or the first problem in Chinese (the API checks everything again). */
export function buildWindowRequest(kind: WindowKind, d: WindowDraft): { request: WindowApplication } | { problem: string } {
  const creditCode = d.creditCode.trim().toUpperCase();
  if (!isValidCreditCode(creditCode)) return { problem: '统一社会信用代码格式或校验位不正确' };
  if (d.companyName.trim().length < 2) return { problem: '请填写企业名称' };
  const company = { creditCode, name: d.companyName.trim() };
  const reason = d.reason.trim();
  switch (kind) {
    case 'apply':
    case 'change':
      if (d.kinds.length === 0) return { problem: '请至少选择一枚印章' };
      return { request: { kind, company, kinds: d.kinds } };
    case 'authorize': {
      if (d.sealIds.length === 0) return { problem: '请选择需要授权的印章' };
      const grantee = { name: d.grantee.name.trim(), idNumber: d.grantee.idNumber.trim().toUpperCase(), phone: d.grantee.phone.trim() };
      if (grantee.name.length < 2) return { problem: '请填写被授权人姓名' };
      if (!isValidIdNumber(grantee.idNumber)) return { problem: '身份证号码格式或校验位不正确' };
      if (!PHONE.test(grantee.phone)) return { problem: '手机号码格式不正确' };
      return { request: { kind, company, grants: [{ role: d.role, grantee, sealIds: d.sealIds, medium: 'phone' }] } };
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
