/** 注销原因 as the user guide lists them, plus the causes the platform records by itself. */
export const REVOCATION_CATEGORIES = ['company_merged', 'company_deregistered', 'other'] as const;
export type RevocationCategory = (typeof REVOCATION_CATEGORIES)[number];
export const REVOCATION_CATEGORY_LABELS: Record<RevocationCategory, string> = {
  company_merged: '企业撤并',
  company_deregistered: '企业注销',
  other: '其他原因',
};

export const SYSTEM_CAUSES = [
  'legal_representative_changed',
  'legal_representative_id_changed',
  'company_name_changed',
  'company_type_changed',
  'company_closed',
  'certificate_expiring',
  'certificate_expired',
  'pin_failures',
  'lock_elapsed',
  'pin_reset',
  'renewal',
] as const;
export type SystemCause = (typeof SYSTEM_CAUSES)[number];
export const SYSTEM_CAUSE_LABELS: Record<SystemCause, string> = {
  legal_representative_changed: '法定代表人变更',
  legal_representative_id_changed: '法定代表人证件号变更',
  company_name_changed: '企业名称变更',
  company_type_changed: '企业类型变更',
  company_closed: '企业注销',
  certificate_expiring: '证书即将到期',
  certificate_expired: '证书已过期',
  pin_failures: '签章密码连续错误',
  lock_elapsed: '锁定期满',
  pin_reset: '重置签章密码',
  renewal: '印章续期',
};
