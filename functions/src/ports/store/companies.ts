import type { CompanyType } from '@seal/shared';
import type { Versioned, WriteOp } from './write-op';

/** The platform's copy of a registry entry (营业执照系统 is the source of truth). */
export interface CompanyRecord {
  /** The unified social credit code. */
  companyId: string;
  name: string;
  type: CompanyType;
  legalRepName: string;
  /** The legal representative's person id (keyed hash of the ID number). */
  legalRepPersonId: string;
  registeredOn: string;
  status: 'active' | 'closed';
  /** 系统接入: none, applied for, approved. */
  integration: 'none' | 'pending' | 'approved';
  version: number;
}

export type NewCompany = Omit<CompanyRecord, 'status' | 'integration' | 'version'> & Partial<Pick<CompanyRecord, 'status' | 'integration'>>;

export type CompanyChanges = Partial<Pick<CompanyRecord, 'name' | 'type' | 'legalRepName' | 'legalRepPersonId' | 'status' | 'integration'>>;

export interface Companies {
  get(companyId: string): Promise<CompanyRecord | undefined>;
  /** Several companies by id in one read; ids with no company are left out. */
  getMany(companyIds: readonly string[]): Promise<CompanyRecord[]>;
  /** Create-only: false when a copy of this company exists already (that copy stands). */
  create(company: NewCompany): Promise<boolean>;
  /** Conditional on the version read; the version goes up by one. */
  update(company: Pick<CompanyRecord, 'companyId'> & Versioned, changes: CompanyChanges): WriteOp;
}
