import { DomainError } from '@seal/shared';
import type { TransactionItem } from 'electrodb';
import type { SealService, TxEntities } from './service';
import { GENESIS_HASH, eventHash, type AuditFacts } from '../../domain/audit/chain';

/** What a change records in the audit chain (the chain adds seq, time and hashes). */
export type AuditEntry = Omit<AuditFacts, 'seq' | 'at'>;

export type { TxEntities };

interface ChainHead {
  seq: number;
  hash: string;
}

export async function readChainHead(db: SealService, companyId: string): Promise<ChainHead> {
  const { data } = await db.entities.auditEvent.query.byCompany({ companyId }).go({ order: 'desc', limit: 1 });
  const last = data[0];
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

const MAX_AUDIT_RETRIES = 8;

/**
 * Applies `writes` and appends one audit event in a single TransactWriteItems.
 *
 * Timeline this protects:
 *   A reads seal v3 ─┐              ┌─ A commits (v3→v4, audit seq n+1)   ✓
 *   B reads seal v3 ─┴── both try ──┴─ B's version condition fails        → CONFLICT, nothing written
 * Every write in `writes` carries its own version condition; the audit event is conditional on its
 * seq not existing yet. When only the audit seq was taken (another change of the same company won
 * the race for seq n+1, on a different item), the change is still valid: re-read the head and retry.
 * When an item's condition failed, someone changed it first: the caller gets CONFLICT.
 */
export async function commitWithAudit(
  db: SealService,
  entry: AuditEntry,
  writes: (entities: TxEntities) => readonly unknown[],
  now: () => Date = () => new Date(),
): Promise<void> {
  for (let attempt = 0; attempt < MAX_AUDIT_RETRIES; attempt++) {
    const head = await readChainHead(db, entry.companyId);
    const facts: AuditFacts = { ...entry, seq: head.seq + 1, at: now().toISOString() };
    const hash = eventHash(head.hash, facts);
    const result = await db.transaction
      .write((entities) => [...writes(entities), entities.auditEvent.create({ ...facts, prevHash: head.hash, hash }).commit()])
      .go();
    if (!result.canceled) return;
    const reasons = (result.data as TransactionItem<unknown>[]).map((d) => d.code);
    const auditIndex = reasons.length - 1;
    const itemConflict = reasons.some((code, i) => i !== auditIndex && code === 'ConditionalCheckFailed');
    if (itemConflict) throw new DomainError('CONFLICT');
    if (reasons[auditIndex] !== 'ConditionalCheckFailed' && !reasons.includes('TransactionConflict')) {
      throw new Error(`transaction cancelled: ${reasons.join(',')}`);
    }
  }
  throw new DomainError('CONFLICT');
}
