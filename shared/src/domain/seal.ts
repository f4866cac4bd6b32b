export const SEAL_KINDS = ['company_name', 'finance', 'contract', 'invoice', 'legal_representative_name', 'custom'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];

export const SEAL_KIND_LABELS: Record<SealKind, string> = {
  company_name: '法定名称章',
  finance: '财务专用章',
  contract: '合同专用章',
  invoice: '发票专用章',
  legal_representative_name: '法定代表人名章',
  custom: '自定义印章',
};

/** A newly registered company gets these four without applying. */
export const STANDARD_SEAL_SET: readonly SealKind[] = ['company_name', 'finance', 'contract', 'legal_representative_name'];

/** Kinds a legal representative may apply for online (custom seals go through the window). */
export const ONLINE_APPLICABLE_KINDS: readonly SealKind[] = ['company_name', 'finance', 'contract', 'invoice', 'legal_representative_name'];

export const COMPANY_TYPES = ['domestic', 'foreign_invested', 'partnership', 'individual_business'] as const;
export type CompanyType = (typeof COMPANY_TYPES)[number];

export const COMPANY_TYPE_LABELS: Record<CompanyType, string> = {
  domestic: '内资企业',
  foreign_invested: '外资企业',
  partnership: '合伙企业',
  individual_business: '个体工商户',
};

export const MEDIA = ['phone', 'ukey'] as const;
export type Medium = (typeof MEDIA)[number];
export const MEDIUM_LABELS: Record<Medium, string> = { phone: '手机', ukey: 'Ukey' };
