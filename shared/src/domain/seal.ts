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

/**
 * The signature algorithm of a seal's keys and certificates (decision 0078), chosen when the seal is
 * applied for. P-256 by default: every PDF reader (Adobe, pdfsig) checks it; SM2 is checked by
 * Chinese platforms and is what OFD seal signatures (GB/T 38540) use.
 */
export const SEAL_ALGORITHMS = ['ecdsa-p256-sha256', 'sm2-sm3'] as const;
export type SealAlgorithm = (typeof SEAL_ALGORITHMS)[number];
export const DEFAULT_SEAL_ALGORITHM: SealAlgorithm = 'ecdsa-p256-sha256';
export const SEAL_ALGORITHM_LABELS: Record<SealAlgorithm, string> = {
  'ecdsa-p256-sha256': '国际算法（ECDSA P-256）',
  'sm2-sm3': '国密算法（SM2/SM3）',
};

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
