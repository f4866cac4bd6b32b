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

/** What is wrong with a checkpoint: it names a link the chain lacks, a different hash there, or its token is not the platform TSA's over that head. */
export interface CheckpointBreak {
  seq: number;
  problem: 'beyond_chain' | 'hash_mismatch' | 'token_invalid';
}

export interface ChainReport {
  companyId: string;
  events: number;
  intact: boolean;
  head: { seq: number; hash: string } | null;
  firstBreak: ChainBreak | null;
  checkpoints: { count: number; latest: { seq: number; at: string } | null; firstBreak: CheckpointBreak | null };
}

/** Events the chainer has not linked yet are counted up to this many. */
const PENDING_COUNTED = 1000;

/**
 * Re-hashes a trail from its first event and checks every checkpoint against it, with nothing but
 * the trail and the platform root (offline, from an export): an edited event (hash_mismatch), a
 * re-linked one (prev_hash_mismatch), a deleted one (sequence_gap); a chain cut or rewritten
 * after a checkpoint (the checkpoint's link missing or different); a forged checkpoint (its
 * RFC 3161 token not the platform TSA's over that head).
 */
export async function verifyAuditTrail(trail: AuditTrailExport, trustedRoots: Uint8Array[]): Promise<ChainReport> {
  const { companyId, events, checkpoints } = trail;
  const firstBreak = findFirstBreak(events);
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
    intact: firstBreak === null && checkpointBreak === null,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    firstBreak,
    checkpoints: { count: checkpoints.length, latest: latest ? { seq: latest.seq, at: latest.at } : null, firstBreak: checkpointBreak },
  };
}

async function checkpointProblem(
  companyId: string,
  events: readonly AuditEventRecord[],
  checkpoint: AuditCheckpointRecord,
  trustedRoots: Uint8Array[],
): Promise<CheckpointBreak['problem'] | null> {
  const event = events.find((e) => e.seq === checkpoint.seq);
  if (!event) return 'beyond_chain';
  if (event.hash !== checkpoint.hash) return 'hash_mismatch';
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
