import { formatBeijingDateTime } from '@seal/shared/time';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATE_LABELS,
  COMPANY_TYPE_LABELS,
  GRANT_ROLES,
  MEDIUM_LABELS,
  REVOCATION_CATEGORY_LABELS,
  ROLE_LABELS,
  SEAL_KIND_LABELS,
  DEFAULT_SEAL_ALGORITHM,
  SEAL_ALGORITHM_LABELS,
  SEAL_TEMPLATE_LABELS,
  type applicationDto,
  maskIdNumber,
  type ApplicationKind,
  type ApplicationState,
  type CompanyType,
  type GrantRole,
  type Medium,
  type RevocationCategory,
  type SealKind,
} from '@seal/shared';
import type { FormContent, FormRow, FormSection } from '../../engines/forms/form-layout';
import type { StoredPayload } from './payload';

export type { FormContent };

/** 13800138000 → 138****8000 */
function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}

export interface FormSource {
  reference: string;
  kind: ApplicationKind;
  state: ApplicationState;
  createdAt: string;
  payload: StoredPayload;
  company: { companyId: string; name: string; type: CompanyType; legalRepName: string };
  applicantName: string;
}

const kindsText = (kinds: readonly SealKind[]) => kinds.map((k) => SEAL_KIND_LABELS[k]).join('、');
const roleText = (role: GrantRole) => (GRANT_ROLES.includes(role) ? ROLE_LABELS[role] : role);

function granteeRows(g: { role: GrantRole; grantee: applicationDto.GranteeInput; medium?: Medium }, seals: string): FormRow[] {
  return [
    ['授权类型', roleText(g.role)],
    ['被授权人', g.grantee.name],
    ['身份证号码', maskIdNumber(g.grantee.idNumber)],
    ['手机号码', maskPhone(g.grantee.phone)],
    ['授权印章', seals],
    ['领取介质', MEDIUM_LABELS[g.medium ?? 'phone']],
  ];
}

function businessSections(p: StoredPayload, sealName: (id: string) => string): FormSection[] {
  const r = p.request;
  switch (r.kind) {
    case 'apply':
    case 'change':
      return [
        { heading: r.kind === 'apply' ? '申请印章' : '重新申请印章', rows: [['印章', kindsText(r.kinds)], ...(r.kind === 'apply' && r.bilingualName ? ([['法定名称章', '中英文法定名称章']] as FormRow[]) : []), algorithmRow(r.sealAlgorithm)] },
        ...(r.grants ?? []).map((g, i) => ({ heading: `授权设置（${i + 1}）`, rows: granteeRows(g, kindsText(g.kinds)) })),
      ];
    case 'authorize':
      return r.grants.map((g, i) => ({ heading: `授权设置（${i + 1}）`, rows: granteeRows(g, g.sealIds.map(sealName).join('、')) }));
    case 'cancel_authorization':
      return [{ heading: '取消授权', rows: (p.grants ?? []).map((g): FormRow => [`${roleText(g.role as GrantRole)} ${g.granteeName}`, g.sealIds.map(sealName).join('、')]) }];
    case 'revoke': {
      const reason = `${REVOCATION_CATEGORY_LABELS[r.reason.category as RevocationCategory]}${r.reason.text ? `（${r.reason.text}）` : ''}`;
      return [{ heading: '注销印章', rows: [['印章', r.sealIds.map(sealName).join('、')], ['注销原因', reason]] }];
    }
    case 'freeze':
    case 'unfreeze':
      return [{ heading: r.kind === 'freeze' ? '冻结印章' : '解冻印章', rows: [['印章', r.sealIds.map(sealName).join('、')], [r.kind === 'freeze' ? '冻结原因' : '解冻原因', r.reason]] }];
    case 'custom_seal':
      return [
        {
          heading: '自定义印章',
          rows: [
            ['印章名称', r.sealName],
            ['制作方式', r.design.source === 'template' ? `印章模板：${SEAL_TEMPLATE_LABELS[r.design.template]}` : '上传实物印章盖章图片'],
            algorithmRow(r.sealAlgorithm),
          ],
        },
        ...(r.grants ?? []).map((g, i) => ({ heading: `授权设置（${i + 1}）`, rows: granteeRows(g, r.sealName) })),
      ];
    case 'system_integration':
      return [
        {
          heading: '系统接入',
          rows: [
            ['接入系统名称', r.systemName],
            ['联系人', r.contactName],
            ['联系电话', maskPhone(r.contactPhone)],
            ['接入用途', r.purpose],
          ],
        },
      ];
  }
}

export function formContent(src: FormSource): FormContent {
  const names = new Map((src.payload.seals ?? []).map((s) => [s.sealId, s.name]));
  const sealName = (id: string) => names.get(id) ?? id;
  return {
    // 印章申请 → 电子印章申请表, 取消授权 → 电子印章取消授权表.
    title: APPLICATION_KIND_LABELS[src.kind].startsWith('印章') ? `电子${APPLICATION_KIND_LABELS[src.kind]}表` : `电子印章${APPLICATION_KIND_LABELS[src.kind]}表`,
    reference: src.reference,
    sections: [
      {
        heading: '企业信息',
        rows: [
          ['企业名称', src.company.name],
          ['统一社会信用代码', src.company.companyId],
          ['企业类型', COMPANY_TYPE_LABELS[src.company.type]],
          ['法定代表人（负责人）', src.company.legalRepName],
        ],
      },
      ...businessSections(src.payload, sealName),
      {
        heading: '申请信息',
        rows: [
          ['业务类型', `窗口办理 · ${APPLICATION_KIND_LABELS[src.kind]}`],
          ['申请人', src.applicantName],
          ['提交时间', formatBeijingDateTime(src.createdAt)],
          ['办理状态', APPLICATION_STATE_LABELS[src.state]],
        ],
      },
    ],
  };
}

/** 签名算法 of the seals an application makes (decision 0078): the default when the applicant chose none. */
function algorithmRow(algorithm: applicationDto.OnlineApplyRequest['sealAlgorithm']): FormRow {
  return ['签名算法', SEAL_ALGORITHM_LABELS[algorithm ?? DEFAULT_SEAL_ALGORITHM]];
}
