import type { CompanyType } from '@seal/shared';

/** A company as the business-licence registry (营业执照系统) describes it. */
export interface RegistryCompany {
  creditCode: string;
  name: string;
  /** Chinese-English name of a foreign-invested company, when registered. */
  nameEn?: string;
  type: CompanyType;
  legalRepresentative: { name: string; idNumber: string };
  /** YYYY-MM-DD */
  registeredOn: string;
  status: 'active' | 'closed';
  /** Partnerships: how many partners execute the partnership's affairs (several → window only). */
  executivePartners?: number;
}

/** The `BusinessRegistry` port: the source of truth for companies and their legal representatives. */
export interface BusinessRegistry {
  readonly mode: 'local';
  lookup(creditCode: string): Promise<RegistryCompany | null>;
  /**
   * The electronic business licence check of 在线申请: is this person (name + ID number) the legal
   * representative of that company, and is the company active?
   */
  isLegalRepresentative(creditCode: string, person: { name: string; idNumber: string }): Promise<boolean>;
}
