import type { SealStore } from '../../ports/seal-store';
import type { AuditCheckpointRecord, AuditEventRecord } from '../../ports/store/audit';
import { checkpointImprint, findFirstBreak, type ChainBreak } from '../../engines/hash-chain/hash-chain';
import { verifyTimestampToken } from '../../engines/pki/verify-timestamp-token';
import { platformRoot } from '../platform-pki/platform-root';

/** A company's trail as exported: its linked events in seq order and its checkpoints (decision 0160). */
export interface AuditTrailExport {
  companyId: string;
  events: AuditEventRecord[];
  checkpoints: AuditCheckpointRecord[];
}

/**
 * What is wrong with a checkpoint: it names a link the part of the chain at hand lacks, a different
 * hash there (for the checkpoint just before an exported part: not the hash its first link follows),
 * or its token is not the platform TSA's over that head.
 */
export interface CheckpointBreak {
  seq: number;
  problem: 'beyond_chain' | 'hash_mismatch' | 'token_invalid';
}

export interface ChainReport {
  companyId: string;
  events: number;
  /** The first link's seq: 1 for a whole chain, later for an export of a time range. */
  fromSeq: number;
  /** Whether the first link's predecessor is proven: the genesis, or a valid checkpoint just before it. */
  anchored: boolean;
  intact: boolean;
  head: { seq: number; hash: string } | null;
  firstBreak: ChainBreak | null;
  checkpoints: { count: number; latest: { seq: number; at: string } | null; firstBreak: CheckpointBreak | null };
  /** Links after the last checkpoint: chained, not yet timestamped. */
  untimestamped: number;
}

/** Events the chainer has not linked yet are counted up to this many. */
const PENDING_COUNTED = 1000;

/**
 * Re-hashes a trail, or a contiguous part of it (an export of a time range), and checks every
 * checkpoint against it, with nothing but the trail and the platform root (offline, from an
 * export): an edited event (hash_mismatch), a re-linked one (prev_hash_mismatch), a deleted or
 * moved one (sequence_gap); a chain cut or rewritten after a checkpoint (the checkpoint's link
 * missing or different); a forged checkpoint (its RFC 3161 token not the platform TSA's over that
 * head). A part starting after seq 1 is anchored by the checkpoint just before it, when it has one.
 */
export async function verifyAuditTrail(trail: AuditTrailExport, trustedRoots: Uint8Array[]): Promise<ChainReport> {
  const { companyId, events, checkpoints } = trail;
  const first = events[0];
  const fromSeq = first?.seq ?? 1;
  const before = fromSeq > 1 ? checkpoints.find((c) => c.seq === fromSeq - 1) : undefined;
  const start = fromSeq > 1 ? { seq: fromSeq, prevHash: before?.hash ?? first!.prevHash } : undefined;
  const firstBreak = findFirstBreak(events, start);
  let checkpointBreak: CheckpointBreak | null = null;
  for (const checkpoint of checkpoints) {
    const problem = await checkpointProblem(companyId, events, checkpoint, trustedRoots);
    if (problem) {
      checkpointBreak = { seq: checkpoint.seq, problem };
      break;
    }
  }
  const last = events[events.length - 1];
  const latest = checkpoints[checkpoints.length - 1];
  return {
    companyId,
    events: events.length,
    fromSeq,
    anchored: fromSeq === 1 || (before !== undefined && checkpointBreak === null),
    intact: firstBreak === null && checkpointBreak === null,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    firstBreak,
    checkpoints: { count: checkpoints.length, latest: latest ? { seq: latest.seq, at: latest.at } : null, firstBreak: checkpointBreak },
    untimestamped: last ? last.seq - Math.max(latest?.seq ?? 0, fromSeq - 1) : 0,
  };
}

async function checkpointProblem(
  companyId: string,
  events: readonly AuditEventRecord[],
  checkpoint: AuditCheckpointRecord,
  trustedRoots: Uint8Array[],
): Promise<CheckpointBreak['problem'] | null> {
  const first = events[0];
  // The checkpoint just before an exported part covers the hash its first link follows.
  const hashThere = first && checkpoint.seq === first.seq - 1 ? first.prevHash : events.find((e) => e.seq === checkpoint.seq)?.hash;
  if (hashThere === undefined) return 'beyond_chain';
  if (hashThere !== checkpoint.hash) return 'hash_mismatch';
  const verdict = await verifyTimestampToken({
    token: Buffer.from(checkpoint.token, 'base64'),
    imprint: checkpointImprint(companyId, checkpoint.seq, checkpoint.hash),
    trustedRoots,
  });
  return verdict.valid ? null : 'token_invalid';
}

/** A company's trail as the table holds it (strongly consistent reads), ready to verify or hand over. */
export async function exportAuditTrail(store: SealStore, companyId: string): Promise<AuditTrailExport> {
  const [events, checkpoints] = await Promise.all([store.audit.ofCompany(companyId), store.audit.checkpoints(companyId)]);
  return { companyId, events, checkpoints };
}

/**
 * Verifies a company's trail as the table holds it, and says how many of its events the chainer
 * has not linked yet (`pending`, counted up to 1,000): those are in the table but not yet covered.
 */
export async function verifyCompanyChain(store: SealStore, companyId: string): Promise<ChainReport & { pending: number }> {
  const [trail, pending] = await Promise.all([exportAuditTrail(store, companyId), store.audit.pending(companyId, PENDING_COUNTED)]);
  const roots = trail.checkpoints.length > 0 ? [await platformRoot(store)] : [];
  return { ...(await verifyAuditTrail(trail, roots)), pending: pending.length };
}
