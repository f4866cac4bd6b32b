import type { Page, PageRequest, WriteOp } from './write-op';

/**
 * 用印记录: one signature a seal made, written in the same transaction as the signed version, so a
 * record exists exactly when the signed document does.
 */
export interface SigningRecord {
  sealId: string;
  /** Time-ordered (`<signedAt>` + document + version): the list of a seal reads newest first. */
  recordId: string;
  companyId: string;
  documentId: string;
  documentName: string;
  /** The version of the document this signature produced, and its bytes' SHA-256. */
  version: number;
  objectKey: string;
  sha256: string;
  pages: number;
  signedAt: string;
  signerId: string;
  signerName: string;
  signerRole: string;
  certificateSerial: string;
}

export interface SigningRecords {
  /** Create-only (a version is signed once). */
  add(record: SigningRecord): WriteOp;
  ofSeal(sealId: string, page?: PageRequest): Promise<Page<SigningRecord>>;
  get(sealId: string, recordId: string): Promise<SigningRecord | undefined>;
}
