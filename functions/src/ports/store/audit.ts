/** What an audit event says; its hash covers all of it and the previous event's hash. */
export interface AuditFacts {
  companyId: string;
  /** Dense from 1 per company: the order the chainer linked the events in. */
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

/** What a change records in the audit trail (the store adds the time; the chainer the seq and hashes). */
export type AuditEntry = Omit<AuditFacts, 'seq' | 'at'>;

/** An event its change's transaction wrote, not linked yet; `pendingId` orders the pending events. */
export interface PendingAuditEventRecord extends Omit<AuditFacts, 'seq'> {
  pendingId: string;
}

/** Where a company's chain ends (seq 0 and the genesis hash before its first link). */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

/** A company's chain head at `seq`, in an RFC 3161 token (base64 DER) of the platform TSA. */
export interface AuditCheckpointRecord {
  companyId: string;
  seq: number;
  hash: string;
  at: string;
  token: string;
}

export interface AuditEvents {
  /** A company's chain in order, strongly consistent. */
  ofCompany(companyId: string): Promise<AuditEventRecord[]>;
  /** The oldest events not linked yet, in `pendingId` order, strongly consistent. */
  pending(companyId: string, limit: number): Promise<PendingAuditEventRecord[]>;
  /** The chain's head, strongly consistent; undefined before the first link. */
  head(companyId: string): Promise<AuditChainHead | undefined>;
  /**
   * Links pending events all or nothing: each pending item replaced by its link, the head moved
   * from `from` to the last link. False when another chainer moved the head or linked one of them first.
   */
  link(companyId: string, from: AuditChainHead | undefined, links: readonly { pendingId: string; event: AuditEventRecord }[]): Promise<boolean>;
  /** A company's checkpoints in seq order. */
  checkpoints(companyId: string): Promise<AuditCheckpointRecord[]>;
  /** A company's last checkpoint, strongly consistent. */
  latestCheckpoint(companyId: string): Promise<AuditCheckpointRecord | undefined>;
  /** Records a checkpoint; false when one at that seq exists already. */
  addCheckpoint(checkpoint: AuditCheckpointRecord): Promise<boolean>;

  /** One link of a company's chain (eventually consistent: links never change once written). */
  linkAt(companyId: string, seq: number): Promise<AuditEventRecord | undefined>;
  /** The links from `fromSeq` to `toSeq` (both included) in seq order, at most `limit`. */
  links(companyId: string, range: { fromSeq: number; toSeq: number; limit: number }): Promise<AuditEventRecord[]>;
  /** The newest links first, below seq `before` when given, at most `limit`. */
  newestLinks(companyId: string, options: { before?: number; limit: number }): Promise<AuditEventRecord[]>;
  /** The checkpoints at seqs from `fromSeq` to `toSeq` (both included), in seq order. */
  checkpointsBetween(companyId: string, range: { fromSeq: number; toSeq: number }): Promise<AuditCheckpointRecord[]>;
  /**
   * Companies whose chain has links no checkpoint covers (decision 0227), one shard's page: each
   * with the seq of its head when it was marked. `after`: the last company of the previous page.
   */
  unsealedHeads(shard: number, options: { after?: string; limit: number }): Promise<{ companyId: string; seq: number }[]>;
  /** Clears a company's mark once a checkpoint covers `seq`, unless the chain has moved past it since. */
  clearUnsealed(companyId: string, seq: number): Promise<void>;
}

/** How many partitions the unsealed-head marks are spread over (decision 0227). */
export const UNSEALED_SHARDS = 8;
