import { DomainError } from '@seal/shared';
import type { TransactionItem } from 'electrodb';
import type { AuditEntry, AuditFacts } from '../../ports/store/audit';
import type { WriteOp } from '../../ports/store/write-op';
import { GENESIS_HASH, eventHash } from '../../engines/hash-chain/hash-chain';
import type { SealService } from './service';
import { buildOf } from './store/table-write';

interface ChainHead {
  seq: number;
  hash: string;
}

async function readChainHead(db: SealService, companyId: string): Promise<ChainHead> {
  const { data } = await db.entities.auditEvent.query.byCompany({ companyId }).go({ order: 'desc', limit: 1 });
  const last = data[0];
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

const MAX_AUDIT_RETRIES = 8;

/**
 * `SealStore.commitWithAudit` (its timeline is on the port): the writes and the audit event in
 * one TransactWriteItems. DynamoDB reports a cancellation reason per item, in order; the audit
 * event is the last item, so an item before it whose condition failed is a CONFLICT, while the
 * audit event's own failure (its seq taken) or a transaction conflict is retried on a fresh head.
 */
export async function commitWithAudit(db: SealService, entry: AuditEntry, writes: readonly WriteOp[], at: Date = new Date()): Promise<void> {
  const builds = writes.map(buildOf);
  for (let attempt = 0; attempt < MAX_AUDIT_RETRIES; attempt++) {
    const head = await readChainHead(db, entry.companyId);
    const facts: AuditFacts = { ...entry, seq: head.seq + 1, at: at.toISOString() };
    const hash = eventHash(head.hash, facts);
    const result = await db.transaction
      .write((entities) => [...builds.map((build) => build(entities)), entities.auditEvent.create({ ...facts, prevHash: head.hash, hash }).commit()])
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
