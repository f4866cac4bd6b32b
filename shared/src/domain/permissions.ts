import type { GrantRole, Role } from './roles';

/**
 * The permission matrix: every action a person or system can take, who may take it, on what it
 * acts, and what proof it needs. Handlers, the state machines and the UIs all ask this table;
 * nothing else decides access.
 *
 * Scope: the legal representative acts on every seal of their company; administrators and holders
 * act only on the seals their active grants name. Window staff act on applications only.
 */
/** `ukey`: a signature by the token of a seal bound to the person, after the UKey password (decision 0185). */
export type Proof = 'face' | 'pin' | 'ukey' | 'none';
/** What an action is about; decides how roles are resolved (see `rolesOn`). */
export type TargetKind = 'company' | 'seals' | 'platform';

export interface ActionRule {
  label: string;
  target: TargetKind;
  proof: Proof;
  roles: readonly Role[];
}

const LR = 'legal_representative' as const;
const ADMIN = 'seal_administrator' as const;
const HOLDER = 'seal_holder' as const;

export const ACTIONS = {
  'session.login': { label: '登录', target: 'platform', proof: 'face', roles: ['person'] },
  /**
   * UKey登录 on the desktop (guide 一.2; decision 0185): the person whose live credential of a seal is
   * bound to the token, so the legal representative or a holder of that seal (those who bind it).
   */
  'session.login_ukey': { label: 'UKey登录', target: 'seals', proof: 'ukey', roles: [LR, HOLDER] },
  'seal.view': { label: '查看印章', target: 'seals', proof: 'none', roles: [LR, ADMIN, HOLDER] },
  'seal.apply_online': { label: '在线申请', target: 'company', proof: 'face', roles: [LR] },
  'seal.claim': { label: '印章领取', target: 'seals', proof: 'face', roles: [LR, HOLDER] },
  'seal.sign': { label: '文件签章', target: 'seals', proof: 'pin', roles: [LR, HOLDER] },
  'seal.freeze': { label: '在线冻结', target: 'seals', proof: 'face', roles: [LR, ADMIN] },
  'seal.unfreeze': { label: '在线解冻', target: 'seals', proof: 'face', roles: [LR, ADMIN] },
  'seal.revoke': { label: '在线注销', target: 'seals', proof: 'face', roles: [LR, ADMIN] },
  'seal.renew': { label: '印章续期', target: 'seals', proof: 'face', roles: [LR, ADMIN] },
  /** 用印记录: who signed what with a seal, and when; for those who answer for the seal, not its holders. */
  'seal.view_signing_records': { label: '用印记录', target: 'seals', proof: 'none', roles: [LR, ADMIN] },
  'seal.change_online': { label: '在线变更', target: 'company', proof: 'face', roles: [LR] },
  'grant.authorize_administrator': { label: '授权印章管理员', target: 'seals', proof: 'face', roles: [LR] },
  'grant.authorize_holder': { label: '授权印章持有人', target: 'seals', proof: 'face', roles: [LR, ADMIN] },
  'grant.cancel_administrator': { label: '取消印章管理员授权', target: 'seals', proof: 'none', roles: [LR] },
  'grant.cancel_holder': { label: '取消印章持有人授权', target: 'seals', proof: 'none', roles: [LR, ADMIN] },
  'credential.change_pin': { label: '修改签章密码', target: 'seals', proof: 'face', roles: [LR, HOLDER] },
  'credential.reset_pin': { label: '忘记签章密码', target: 'seals', proof: 'face', roles: [LR, HOLDER] },
  'ukey.bind': { label: 'Ukey绑定', target: 'seals', proof: 'face', roles: [LR, HOLDER] },
  'ukey.unbind': { label: 'Ukey解绑', target: 'seals', proof: 'face', roles: [LR, HOLDER] },
  /** Scanning the QR code of a UKey binding: the administrator may confirm too (user guide 二.2). */
  'ukey.confirm': { label: '扫码验证身份', target: 'seals', proof: 'face', roles: [LR, ADMIN, HOLDER] },
  /** Any signed-in person may fill in a window form; staff check the materials at the window. */
  'window.submit': { label: '窗口申请', target: 'company', proof: 'none', roles: ['person'] },
  'window.cancel_authorization': { label: '窗口取消授权', target: 'company', proof: 'none', roles: [LR] },
  'application.review': { label: '窗口审核', target: 'platform', proof: 'none', roles: ['window_staff'] },
  'integration.apply': { label: '申请系统接入', target: 'company', proof: 'none', roles: [LR, ADMIN] },
  'integration.manage_credentials': { label: '管理接入凭证', target: 'company', proof: 'face', roles: [LR, ADMIN] },
  /** An integrated system (API credentials of an approved 系统接入) reads its own company's seals. */
  'integration.view_seals': { label: '接入系统查询印章', target: 'company', proof: 'none', roles: ['integrated_system'] },
  'custom_seal.apply': { label: '自定义印章申请', target: 'company', proof: 'none', roles: [LR, ADMIN] },
  'audit.verify': { label: '审计链校验', target: 'company', proof: 'none', roles: [LR, ADMIN, 'window_staff'] },
  /**
   * 审计记录 and its 导出 (decision 0225): the company's whole trail, every seal's and every person's
   * events, so only the one who answers for all the company's seals. An administrator's grants name
   * some seals; window staff act on applications.
   */
  'audit.view': { label: '审计记录', target: 'company', proof: 'none', roles: [LR] },
  'audit.export': { label: '导出审计记录', target: 'company', proof: 'none', roles: [LR] },
  'document.verify': { label: '文档验证', target: 'platform', proof: 'none', roles: ['anyone'] },
  'seal.mark_renewal_due': { label: '进入待续期', target: 'seals', proof: 'none', roles: ['system'] },
  'seal.expire': { label: '证书过期', target: 'seals', proof: 'none', roles: ['system'] },
  'company.licence_changed': { label: '营业执照变更', target: 'company', proof: 'none', roles: ['system'] },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** An active grant as the permission check sees it. */
export interface GrantScope {
  companyId: string;
  role: GrantRole;
  sealIds: readonly string[];
}

/** Everything the matrix needs to know about who is asking. */
export interface Actor {
  personId?: string;
  /** Companies whose legal representative this person is (from the registry). */
  legalRepresentativeOf: readonly string[];
  grants: readonly GrantScope[];
  windowStaff?: boolean;
  system?: boolean;
  /** An integrated system acting for one company (API credentials). */
  integrationFor?: string;
}

export interface Target {
  companyId?: string;
  /** For seal actions: every seal named must be in scope. */
  sealIds?: readonly string[];
}

/** The roles `actor` holds with respect to `target`, most powerful first. */
export function rolesOn(actor: Actor, target: Target): Role[] {
  const roles: Role[] = [];
  const { companyId, sealIds = [] } = target;
  if (companyId && actor.legalRepresentativeOf.includes(companyId)) roles.push(LR);
  for (const role of [ADMIN, HOLDER] as const) {
    const grants = actor.grants.filter((g) => g.companyId === companyId && g.role === role);
    const covered = sealIds.length === 0 ? grants.length > 0 : sealIds.every((id) => grants.some((g) => g.sealIds.includes(id)));
    if (companyId && covered) roles.push(role);
  }
  if (actor.windowStaff) roles.push('window_staff');
  if (actor.system) roles.push('system');
  if (companyId && actor.integrationFor === companyId) roles.push('integrated_system');
  if (actor.personId) roles.push('person');
  roles.push('anyone');
  return roles;
}

export type Decision = { allowed: true; as: Role; proof: Proof } | { allowed: false; proof: Proof };

/** May `actor` take `action` on `target`? Returns the role it acts as and the proof it owes. */
export function authorize(actor: Actor, action: Action, target: Target = {}): Decision {
  const rule: ActionRule = ACTIONS[action];
  const held = rolesOn(actor, target);
  const as = rule.roles.find((r) => held.includes(r));
  return as ? { allowed: true, as, proof: rule.proof } : { allowed: false, proof: rule.proof };
}
