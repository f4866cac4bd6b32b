import { ACTIONS } from './permissions';

/**
 * The audit trail's words (decision 0225): what each recorded action is called on the desktop's
 * 审计记录 and in `seal audit verify`, and what a break of the chain means. Events name their action
 * by code; a code not listed here is shown as it is (an older event, a new action).
 */
const RECORDED_ONLY: Record<string, string> = {
  'seal.create_starter_set': '创建初始印章',
  'seal.window_apply': '窗口办理：印章申请',
  'seal.window_change': '窗口办理：印章变更',
  'seal.window_custom_seal': '窗口办理：自定义印章',
  'seal.change': '印章变更',
  'seal.unfreeze': '在线解冻',
  'seal.mark_renewal_due': '进入待续期',
  'seal.expire': '证书过期',
  'credential.lock': '签章密码错误锁定',
  'credential.unlock': '签章密码锁定解除',
  'grant.end': '授权终止',
  'document.sign': '文件签章',
  'document.archive_timestamp': '文件归档时间戳',
  'application.submit': '提交窗口申请',
  'application.approve': '窗口审核通过',
  'application.reject': '窗口审核驳回',
  'application.withdraw': '撤回申请',
  'integration.approve': '系统接入开通',
  'integration.issue_secret': '重置接入密钥',
  'integration.revoke_client': '停用接入凭证',
};

/** The Chinese name of an audit event's action (the permission matrix's label where it is an action of the matrix). */
export function auditActionLabel(action: string): string {
  return RECORDED_ONLY[action] ?? (ACTIONS as Record<string, { label: string } | undefined>)[action]?.label ?? action;
}

/** Where a chain or one of its checkpoints breaks (`verifyAuditTrail`), in the words a person reads. */
export const AUDIT_BREAK_LABELS = {
  sequence_gap: '序号不连续：该位置的记录缺失（被删除）或顺序被调换',
  prev_hash_mismatch: '前序哈希不符：该记录与前一条记录的链接被改动（删除、插入或调换顺序）',
  hash_mismatch: '哈希不符：该记录的内容被修改',
  beyond_chain: '检查点指向的记录不在链中：链在检查点之后被截断',
  checkpoint_hash_mismatch: '检查点记录的链头与链不符：检查点之前的记录被改写',
  token_invalid: '检查点的时间戳不是平台时间戳服务对该链头签发的（伪造或被改动）',
  start_mismatch: '导出片段的第一条记录与其前一个检查点不衔接',
} as const;
export type AuditBreakKind = keyof typeof AUDIT_BREAK_LABELS;
