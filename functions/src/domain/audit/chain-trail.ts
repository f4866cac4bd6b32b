import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import type { AuditChainHead, AuditEventRecord, SealStore } from '../../ports/seal-store';
import { GENESIS_HASH, checkpointImprint, eventHash } from '../../engines/hash-chain/hash-chain';
import { timestampImprint } from '../platform-pki/timestamp';

/** Two items per link and the head: well inside TransactWriteItems' 100. */
const LINKS_PER_TRANSACTION = 40;
/** Rounds lost to another chainer of the same company before giving up (the stream retries). */
const MAX_LOST_ROUNDS = 5;
/** A company's chain gets a new checkpoint at most this often (decision 0160). */
export const CHECKPOINT_INTERVAL_MS = 60_000;

const START: AuditChainHead = { seq: 0, hash: GENESIS_HASH };

/**
 * Links a company's pending audit events into its chain, oldest `pendingId` first, until none is
 * left (decision 0160): each link's hash covers the previous one, and each batch replaces its
 * pending items and moves the head in one transaction conditional on the head read. Safe to run
 * twice at once or again after a failure: a loser re-reads and goes on. Returns the head.
 */
export async function linkPendingEvents(store: SealStore, companyId: string): Promise<AuditChainHead> {
  let lost = 0;
  for (;;) {
    const [head, pending] = await Promise.all([store.audit.head(companyId), store.audit.pending(companyId, LINKS_PER_TRANSACTION)]);
    if (pending.length === 0) return head ?? START;
    let previous = head ?? START;
    const links = pending.map(({ pendingId, ...facts }) => {
      const linked = { ...facts, seq: previous.seq + 1 };
      const event: AuditEventRecord = { ...linked, prevHash: previous.hash, hash: eventHash(previous.hash, linked) };
      previous = event;
      return { pendingId, event };
    });
    if (!(await store.audit.link(companyId, head, links)) && ++lost > MAX_LOST_ROUNDS) throw new DomainError('CONFLICT');
  }
}

/**
 * Timestamps the chain's head with the platform TSA (its key in KMS) when it has moved since the
 * last checkpoint and that one is older than `intervalMs`: anyone holding the platform root can
 * then check, offline, that the chain up to the checkpoint is the one the platform had at that time.
 */
export async function checkpointTrail(services: Ports, companyId: string, head: AuditChainHead, intervalMs = CHECKPOINT_INTERVAL_MS): Promise<boolean> {
  if (head.seq === 0) return false;
  const last = await services.store.audit.latestCheckpoint(companyId);
  const now = services.now();
  if (last && (last.seq >= head.seq || now.getTime() - Date.parse(last.at) < intervalMs)) return false;
  const token = await timestampImprint(services, checkpointImprint(companyId, head.seq, head.hash));
  const added = await services.store.audit.addCheckpoint({ companyId, seq: head.seq, hash: head.hash, at: now.toISOString(), token: Buffer.from(token).toString('base64') });
  // The head is covered: the checkpoint job has nothing left to do for it (decision 0227).
  if (added) await services.store.audit.clearUnsealed(companyId, head.seq);
  return added;
}

/** The chainer's work for one company: link what is pending, then checkpoint when one is due. */
export async function chainCompanyTrail(services: Ports, companyId: string, intervalMs?: number): Promise<AuditChainHead> {
  const head = await linkPendingEvents(services.store, companyId);
  await checkpointTrail(services, companyId, head, intervalMs);
  return head;
}
