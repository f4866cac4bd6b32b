import type { ApplicationKind } from '../machines/application-machine';
import type { CompanyType } from './seal';

/**
 * What a person needs to know before going to the window (窗口办理): where the windows are, when
 * they are open, and what to bring for each business. One list for the phone and the desktop.
 * The windows and the mailbox are the operator's settings; the values here are the local
 * deployment's (fictitious, like the seed data).
 */
export interface ServiceWindow {
  name: string;
  address: string;
  hours: string;
  phone: string;
}

export const SERVICE_WINDOWS: readonly ServiceWindow[] = [
  {
    name: '市民中心行政服务大厅（电子印章窗口）',
    address: '深圳市福田区福中三路市民中心B区一楼',
    hours: '周一至周五 9:00-12:00，14:00-18:00；周六 9:00-12:00（法定节假日除外）',
    phone: '0755-12345678',
  },
  {
    name: '南山区政务服务中心（商事登记窗口）',
    address: '深圳市南山区南山大道2076号',
    hours: '周一至周五 9:00-12:00，14:00-18:00（法定节假日除外）',
    phone: '0755-23456789',
  },
];

/** Where a signed and stamped 系统接入申请表 is sent (user guide 十四). */
export const INTEGRATION_MAILBOX = 'integration@seal-platform.example';

/** The 中英文法定名称章 of a foreign-invested company is made at the window only, with proof of the name. */
export const BILINGUAL_NAME_NOTE = '外资企业制作中英文法定名称章，须携带英文名称的证明材料（如外商投资企业批准证书或备案回执、经公证的外文名称证明）前往窗口办理。';

export interface MaterialsContext {
  companyType?: CompanyType;
  /** 中英文法定名称章 asked for. */
  bilingualName?: boolean;
  /** 授权设置 made with the application. */
  withGrants?: boolean;
}

const FORM = '签字并加盖公章的申请表（提交后在本平台下载打印）';
const LICENCE = '营业执照副本原件及复印件';
const REPRESENTATIVE = '法定代表人（负责人）身份证件原件及复印件';
const AGENT = '经办人身份证件原件，及法定代表人签字的授权委托书（非法定代表人本人办理时）';
const GRANTEE = '被授权人身份证件原件及复印件';

/** 所需材料: what to bring to the window for a business, in the order staff check it. */
export function windowMaterials(kind: ApplicationKind, context: MaterialsContext = {}): string[] {
  const base = [FORM, LICENCE, REPRESENTATIVE];
  const grants = context.withGrants ? [GRANTEE] : [];
  switch (kind) {
    case 'apply':
      return [
        ...base,
        ...(context.companyType === 'partnership' ? ['全体合伙人签署的执行事务合伙人委派书'] : []),
        ...(context.companyType === 'foreign_invested' && context.bilingualName ? ['英文名称证明材料（外商投资企业批准证书或备案回执、经公证的外文名称证明）'] : []),
        ...grants,
        AGENT,
      ];
    case 'authorize':
      return [...base, GRANTEE, AGENT];
    case 'cancel_authorization':
      return [FORM, LICENCE, REPRESENTATIVE, '须法定代表人本人到窗口办理'];
    case 'change':
      return [...base, '变更后的营业执照副本原件及复印件', '市场监督管理部门出具的变更（备案）通知书', ...grants, AGENT];
    case 'revoke':
      return [...base, '注销原因的证明材料（如企业撤并、注销的决定或通知）', AGENT];
    case 'freeze':
    case 'unfreeze':
      return [...base, `${kind === 'freeze' ? '冻结' : '解冻'}原因的书面说明（加盖公章）`, AGENT];
    case 'custom_seal':
      return [...base, '实物印章的印模或盖章图片', '加密机设备备案材料', ...grants, AGENT];
    case 'system_integration':
      return [FORM, LICENCE, '接入系统的说明材料（用途、部署方式、联系人）', `或将盖章后的申请表扫描件发送至 ${INTEGRATION_MAILBOX}`];
  }
}
