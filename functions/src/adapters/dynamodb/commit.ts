import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '@seal/shared';
import type { TransactionItem } from 'electrodb';
import type { AuditEntry } from '../../ports/store/audit';
import type { WriteOp } from '../../ports/store/write-op';
import type { SealService } from './service';
import { buildOf } from './store/table-write';

/** Retries of a transaction DynamoDB cancelled because another one touched the same item at once. */
const MAX_TRANSACTION_RETRIES = 4;

/**
 * `SealStore.commitWithAudit` (its timeline is on the port): the writes and the audit event in one
 * TransactWriteItems. The event is written pending, under a key of its own (its time, then random
 * bytes), and linked into the company's chain later by the chainer (decision 0160): writers of one
 * company share no item, so they never wait for or fail because of each other. A write whose
 * condition failed is a CONFLICT; a transaction conflict (another transaction on one of the same
 * items in flight) is retried after a short random pause, as the SDK does for throttling.
 */
export async function commitWithAudit(db: SealService, entry: AuditEntry, writes: readonly WriteOp[], at: Date = new Date()): Promise<void> {
  const builds = writes.map(buildOf);
  const time = at.toISOString();
  const pendingId = `${time}~${randomBytes(8).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    const result = await db.transaction
      .write((entities) => [...builds.map((build) => build(entities)), entities.auditPending.create({ ...entry, at: time, pendingId }).commit()])
      .go();
    if (!result.canceled) return;
    const reasons = (result.data as TransactionItem<unknown>[]).map((d) => d.code);
    if (reasons.includes('ConditionalCheckFailed')) throw new DomainError('CONFLICT');
    if (!reasons.includes('TransactionConflict')) throw new Error(`transaction cancelled: ${reasons.join(',')}`);
    if (attempt >= MAX_TRANSACTION_RETRIES) throw new DomainError('CONFLICT');
    await sleep(Math.random() * 20 * 2 ** attempt);
  }
}
