/** What an audit event says; its hash covers all of it and the previous event's hash. */
export interface AuditFacts {
  companyId: string;
  /** Dense from 1 per company. */
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  subject: string;
  reason?: string;
  before?: unknown;
  after?: unknown;
}

/** One link of a company's audit hash chain. */
export interface AuditEventRecord extends AuditFacts {
  prevHash: string;
  hash: string;
}

/** What a change records in the audit chain (the store adds seq, time and hashes). */
export type AuditEntry = Omit<AuditFacts, 'seq' | 'at'>;

export interface AuditEvents {
  /** A company's chain in order, strongly consistent. */
  ofCompany(companyId: string): Promise<AuditEventRecord[]>;
  /** The last event of a company's chain. */
  latest(companyId: string): Promise<AuditEventRecord | undefined>;
}
