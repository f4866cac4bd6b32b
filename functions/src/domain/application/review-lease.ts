import { DomainError, applicationMachine, step, type ApplicationEvent } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';
import { getApplicationRecord, type ApplicationRecord } from './application-view';

/** Long enough for any approval's effects; a crashed approver's lease simply runs out. */
export const REVIEW_LEASE_MS = 60_000;

function isConditionFailure(error: unknown): boolean {
  return (error as { cause?: { name?: string } })?.cause?.name === 'ConditionalCheckFailedException' || /conditional/i.test(String(error));
}

/** Why a decision lost: the application was decided meanwhile, or merely changed (lease, version). */
export async function lostRace(db: SealService, applicationId: string): Promise<DomainError> {
  const app = await getApplicationRecord(db, applicationId);
  return new DomainError(app.state === 'submitted' ? 'CONFLICT' : 'APPLICATION_DECIDED');
}

/** The machine decides whether window staff may take this decision from the application's state. */
export function checkDecision(app: ApplicationRecord, event: ApplicationEvent, expectedVersion: number | undefined): number {
  const result = step(applicationMachine, app.state, event, 'window_staff');
  if (!result.ok) throw new DomainError(result.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : 'APPLICATION_DECIDED');
  const version = expectedVersion ?? app.version;
  if (version !== app.version) throw new DomainError('CONFLICT');
  return version;
}

/**
 * Approval's first step. Its effects (seals, grants, credentials) are written by other areas'
 * functions in their own transactions, so the decision cannot share one transaction with them.
 * Timeline this protects:
 *   staff A: lease (v3→v4) ── effects ── approve (v4→v5)   ✓
 *   staff B: lease (v3→v4) fails ──────────────────────────  CONFLICT, no effects run
 *   staff C: reject while A's lease is live fails ─────────  CONFLICT
 * The lease write is conditional on the version read, on `submitted`, and on no live lease.
 */
export async function takeReviewLease(db: SealService, app: ApplicationRecord, staffId: string, version: number, now: Date): Promise<number> {
  try {
    await db.entities.application
      .patch({ applicationId: app.applicationId })
      .set({ reviewingBy: staffId, reviewUntil: new Date(now.getTime() + REVIEW_LEASE_MS).toISOString(), version: version + 1 })
      .where((a, op) => `${op.eq(a.version, version)} AND ${op.eq(a.state, 'submitted')} AND (${op.notExists(a.reviewUntil)} OR ${op.lt(a.reviewUntil, now.toISOString())})`)
      .go();
    return version + 1;
  } catch (error) {
    if (isConditionFailure(error)) throw await lostRace(db, app.applicationId);
    throw error;
  }
}

/** When the effects failed: the application stays submitted, free for another decision. */
export async function releaseReviewLease(db: SealService, applicationId: string, leasedVersion: number): Promise<void> {
  await db.entities.application
    .patch({ applicationId })
    .set({ version: leasedVersion + 1 })
    .remove(['reviewingBy', 'reviewUntil'])
    .where((a, op) => op.eq(a.version, leasedVersion))
    .go()
    .catch(() => undefined);
}
