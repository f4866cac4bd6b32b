import type { GrantRole, GrantState, Medium } from '@seal/shared';
import type { Versioned, WriteOp } from './write-op';

/** 授权: a legal representative or administrator lets a person administer or hold some seals. */
export interface GrantRecord {
  companyId: string;
  grantId: string;
  granteeId: string;
  granteeName: string;
  granteePhone?: string;
  grantorId: string;
  role: GrantRole;
  sealIds: string[];
  medium: Medium;
  state: GrantState;
  createdAt: string;
  endedAt?: string;
  endReason?: string;
  version: number;
}

export type NewGrant = Omit<GrantRecord, 'endedAt' | 'endReason' | 'medium' | 'version'> & Partial<Pick<GrantRecord, 'medium' | 'version'>>;

export interface Grants {
  get(companyId: string, grantId: string): Promise<GrantRecord | undefined>;
  /** Every grant of a company (授权管理). */
  ofCompany(companyId: string): Promise<GrantRecord[]>;
  /** The grants a person holds (read on every request: a cancelled grant stops at once). */
  ofGrantee(personId: string): Promise<GrantRecord[]>;
  create(grant: NewGrant): WriteOp;
  /** Cancelled or ended, with when and why; conditional on the version read. */
  end(
    grant: Pick<GrantRecord, 'companyId' | 'grantId'> & Versioned,
    change: { state: GrantState; endedAt: string; endReason: string },
  ): WriteOp;
}
