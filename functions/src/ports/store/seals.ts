import type { SealAlgorithm, SealKind, SealState } from '@seal/shared';
import type { ReadOptions, Versioned, WriteOp } from './write-op';

/**
 * The seal's current 印章数据 (GB/T 38540 SES_Seal, decision 0077): where its DER lies in the blob
 * store and what the seal detail shows of it. Made at the first claim, made again whenever the
 * seal's certificates change (another claim, a PIN reset, a renewal).
 */
export interface SealDataRecord {
  /** Blob key of the SES_Seal DER. */
  key: string;
  esId: string;
  maker: string;
  validStart: string;
  validEnd: string;
  madeAt: string;
  /** How many signer certificates it lists. */
  certificates: number;
}

/** A seal (电子印章) of a company. */
export interface SealRecord {
  sealId: string;
  companyId: string;
  kind: SealKind;
  name: string;
  state: SealState;
  /** Its credentials' key and certificate algorithm, chosen at application (decision 0078); absent on seals made before: the deployment's. */
  algorithm?: SealAlgorithm;
  /** Day (YYYY-MM-DD) the earliest live certificate of the seal expires; `9999-12-31` before any claim. */
  expiresOn: string;
  /** The reason written with the last state change (冻结原因, 注销原因...). */
  stateReason?: string;
  /** For custom seals: the blob key of the approved image. */
  imageKey?: string;
  sealData?: SealDataRecord;
  createdAt: string;
  updatedAt: string;
  /** Optimistic lock: every change is conditional on the version it read. */
  version: number;
}

/** A seal about to exist: version 1, no expiry until it is claimed, unless given. */
export type NewSeal = Omit<SealRecord, 'expiresOn' | 'version' | 'stateReason' | 'sealData'> & Partial<Pick<SealRecord, 'expiresOn' | 'version'>>;

/** What a change may set on a seal besides its version (which goes up by one). */
export interface SealChanges {
  state?: SealState;
  expiresOn?: string;
  stateReason?: string;
  sealData?: SealDataRecord;
  updatedAt: string;
}

export interface Seals {
  get(sealId: string, options?: ReadOptions): Promise<SealRecord | undefined>;
  /** Several seals by id in one read; ids with no seal are left out. */
  getMany(sealIds: readonly string[]): Promise<SealRecord[]>;
  /** A company's seals (印章列表). */
  ofCompany(companyId: string): Promise<SealRecord[]>;
  /** Has the company any seal at all? (one item read) */
  anyOfCompany(companyId: string): Promise<boolean>;
  /** Seals whose earliest live certificate expires on `day` (the daily renewal job). */
  expiringOn(day: string): Promise<SealRecord[]>;
  /** Conditional on no seal with this id existing: a second create of a fixed id fails the transaction. */
  create(seal: NewSeal): WriteOp;
  /** Conditional on the version read; the version goes up by one. */
  update(seal: Pick<SealRecord, 'sealId'> & Versioned, changes: SealChanges): WriteOp;
  /** Writes nothing: holds the transaction to the seal still being at the version read (a ConditionCheck). */
  unchanged(seal: Pick<SealRecord, 'sealId'> & Versioned): WriteOp;
}
