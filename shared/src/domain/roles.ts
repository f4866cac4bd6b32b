/** Who acts. Company roles come from the registry (legal representative) or from grants. */
export const COMPANY_ROLES = ['legal_representative', 'seal_administrator', 'seal_holder'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

/** `person`: any signed-in natural person; `anyone`: no login at all. */
export const ROLES = [...COMPANY_ROLES, 'window_staff', 'system', 'integrated_system', 'person', 'anyone'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  legal_representative: '法定代表人',
  seal_administrator: '印章管理员',
  seal_holder: '印章持有人',
  window_staff: '窗口工作人员',
  system: '系统',
  integrated_system: '接入系统',
  person: '已登录用户',
  anyone: '公众',
};

/** The roles a grant can confer. */
export const GRANT_ROLES = ['seal_administrator', 'seal_holder'] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];
