import type { Page, PageRequest, ReadOptions, Versioned, WriteOp } from './write-op';

/** A document in the documents blob store: a holder's to sign, or a public upload to verify. */
export interface DocumentRecord {
  documentId: string;
  ownerId: string;
  name: string;
  /** The blob key of the current version. */
  objectKey: string;
  size?: number;
  sha256?: string;
  state: 'awaiting_upload' | 'uploaded' | 'signed';
  createdAt: string;
  /** Epoch seconds: an upload nobody signs is forgotten after it. */
  ttl?: number;
  /** `sign`: a holder's document; `verify`: a public upload for verification, deleted after. */
  purpose: 'sign' | 'verify';
  /** Size and SHA-256 declared when the upload was requested (checked when the bytes are read). */
  declaredSize?: number;
  declaredSha256?: string;
  pages?: number;
  signatures?: number;
  /** The DocMDP level (1–3) when the current version is certified by its first signature. */
  certificationLevel?: number;
  /** Signed versions so far; every signing is conditional on the version it read. */
  version: number;
  signedAt?: string;
  /**
   * PDFs kept on the platform (decision 0171): the day (`YYYY-MM-DD`, UTC) the archive job adds a
   * document timestamp, ahead of the expiry of the TSA certificate of the newest timestamp in it,
   * and the company whose audit log records it (the last signer's).
   */
  archiveRenewalOn?: string;
  archiveCompanyId?: string;
}

export type NewDocument = Pick<
  DocumentRecord,
  'documentId' | 'ownerId' | 'name' | 'objectKey' | 'purpose' | 'state' | 'version' | 'createdAt' | 'ttl'
> &
  Partial<Pick<DocumentRecord, 'declaredSize' | 'declaredSha256'>>;

/** What a signature makes of a document: its new current version. */
export type SignedVersion = Required<Pick<DocumentRecord, 'objectKey' | 'version' | 'size' | 'sha256' | 'pages' | 'signatures' | 'signedAt'>> &
  Pick<DocumentRecord, 'certificationLevel' | 'archiveRenewalOn' | 'archiveCompanyId'>;

/** A re-timestamped version (the archive job): the same signatures, a document timestamp more. */
export type ArchivedVersion = Required<Pick<DocumentRecord, 'objectKey' | 'version' | 'size' | 'sha256' | 'archiveRenewalOn'>>;

export interface Documents {
  get(documentId: string, options?: ReadOptions): Promise<DocumentRecord | undefined>;
  /** Several documents by id, a call per 100 (a batch's start reads its thousand so); those that do not exist are left out, in no set order. */
  getMany(documentIds: readonly string[], options?: ReadOptions): Promise<DocumentRecord[]>;
  /** 我的文件: a person's signed documents, newest upload first (unsigned and verification uploads left out). */
  signedOfOwner(ownerId: string, page?: PageRequest): Promise<Page<DocumentRecord>>;
  create(document: NewDocument): Promise<void>;
  /** The upload arrived: its facts, if the document still awaits its upload at version 0; false otherwise. */
  recordUpload(documentId: string, facts: { size: number; pages: number; signatures: number; certificationLevel?: number }): Promise<boolean>;
  /** Gone (a verification upload, once verified); never throws. */
  remove(documentId: string): Promise<void>;
  /** The document becomes `signed` at a new version and is kept; conditional on the version read. */
  recordSignedVersion(document: Pick<DocumentRecord, 'documentId'> & Versioned, signed: SignedVersion): WriteOp;
  /** Signed documents whose archive timestamp is due on a day (index, no Scan). */
  archiveRenewalDueOn(day: string): Promise<DocumentRecord[]>;
  /** The archive job's new version; conditional on the version read (a signature meanwhile wins). */
  recordArchivedVersion(document: Pick<DocumentRecord, 'documentId'> & Versioned, archived: ArchivedVersion): WriteOp;
}
