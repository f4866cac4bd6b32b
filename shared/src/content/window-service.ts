/**
 * 办事窗口: what to bring for each window business and where the windows are, as data. The
 * mini-program and the desktop site show the same lists beside the form and after submitting, so
 * a new material or a new window is one edit here (decision 0096). The addresses and hours are the
 * operator's to confirm before a deployment.
 */
import type { ApplicationKind } from '../machines/application-machine';

/** The businesses done at a window (the guide's 窗口申请 / 授权 / 取消 / 变更 / 注销 / 冻结 / 解冻, 自定义印章). */
export type WindowBusiness = Exclude<ApplicationKind, 'system_integration'>;

/** What changes the list: a bilingual company-name seal, people authorized with the application. */
export interface MaterialsFacts {
  bilingualName?: boolean;
  withGrantees?: boolean;
}

const FORM = '申请表（在本平台下载打印），由法定代表人（负责人）签字并加盖企业公章';
const LICENCE = '营业执照副本原件';
const LEGAL_REP_ID = '法定代表人（负责人）身份证件原件';
const AGENT = '由他人代为办理的：经办人身份证件原件及法定代表人（负责人）签字的授权委托书';
const GRANTEE_IDS = '被授权人身份证件复印件（每位被授权人一份）';

const BY_BUSINESS: Record<WindowBusiness, readonly string[]> = {
  apply: [FORM, LICENCE, LEGAL_REP_ID, AGENT],
  authorize: [FORM, LICENCE, LEGAL_REP_ID, GRANTEE_IDS, AGENT],
  // The guide: 窗口取消授权业务需法定代表人本人办理 — no agent.
  cancel_authorization: [FORM, LICENCE, `${LEGAL_REP_ID}（须本人到场办理）`],
  // The guide: 请通过变更后的企业信息进行申请.
  change: [FORM, '变更后的营业执照副本原件', '变更后的法定代表人（负责人）身份证件原件', AGENT],
  revoke: [FORM, LICENCE, LEGAL_REP_ID, '注销原因的证明材料（如企业撤并的决议或登记机关文书）', AGENT],
  freeze: [FORM, LICENCE, LEGAL_REP_ID, AGENT],
  unfreeze: [FORM, LICENCE, LEGAL_REP_ID, AGENT],
  custom_seal: [FORM, LICENCE, LEGAL_REP_ID, '实物印章的盖章样本（与申请中的印章图片一致）', AGENT],
};

/** The guide: 外资企业如需制作中英文法定名称章，需提交相关证明材料前往窗口进行办理. */
export const BILINGUAL_NAME_MATERIALS = '载明企业英文名称的证明材料（如外商投资企业设立备案回执或公司章程）原件及加盖公章的复印件';

/** Shown beside the 中英文法定名称章 option. */
export const BILINGUAL_NAME_NOTE = `中英文法定名称章须到窗口办理，请携带${BILINGUAL_NAME_MATERIALS}。`;

export function isWindowBusiness(kind: string): kind is WindowBusiness {
  return Object.prototype.hasOwnProperty.call(BY_BUSINESS, kind);
}

/** 所需材料 for one window business, in the order a person gathers them. */
export function windowMaterials(kind: WindowBusiness, facts: MaterialsFacts = {}): string[] {
  const list = [...BY_BUSINESS[kind]];
  const agentAt = list.indexOf(AGENT);
  const extra = [
    ...(facts.withGrantees && !list.includes(GRANTEE_IDS) ? [GRANTEE_IDS] : []),
    ...(facts.bilingualName ? [BILINGUAL_NAME_MATERIALS] : []),
  ];
  list.splice(agentAt < 0 ? list.length : agentAt, 0, ...extra);
  return list;
}

/**
 * The facts above, read back from a submitted application's form (`ApplicationView.form`, as the
 * PDF prints it): its 中英文法定名称章 row and its 授权设置 sections.
 */
export function materialsFactsOfForm(form: {
  sections: readonly { heading: string; rows: readonly (readonly [string, string])[] }[];
}): MaterialsFacts {
  return {
    bilingualName: form.sections.some((s) => s.rows.some(([, value]) => value === '中英文法定名称章')),
    withGrantees: form.sections.some((s) => s.heading.startsWith('授权设置')),
  };
}

export interface ServiceWindow {
  name: string;
  address: string;
  hours: string;
  phone: string;
}

/** 办事窗口: where the printed form and the materials are taken. */
export const SERVICE_WINDOWS: readonly ServiceWindow[] = [
  {
    name: '深圳市行政服务大厅（市民中心）',
    address: '深圳市福田区福中三路市民中心B区 行政服务大厅 电子印章窗口',
    hours: '周一至周五 9:00–12:00，14:00–18:00（法定节假日除外）',
    phone: '12345（政务服务便民热线）',
  },
  {
    name: '前海e站通服务中心',
    address: '深圳市南山区前海深港合作区 前海e站通服务中心 商事登记窗口',
    hours: '周一至周五 9:00–12:00，14:00–18:00；周六 9:00–12:00（法定节假日除外）',
    phone: '12345（政务服务便民热线）',
  },
];
