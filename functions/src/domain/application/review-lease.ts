import { DomainError, applicationMachine, step, type ApplicationEvent } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { getApplicationRecord, type ApplicationRecord } from './application-view';

/** Long enough for any approval's effects; a crashed approver's lease simply runs out. */
export const REVIEW_LEASE_MS = 60_000;

/** Why a decision lost: the application was decided meanwhile, or merely changed (lease, version). */
export async function lostRace(store: SealStore, applicationId: string): Promise<DomainError> {
  const app = await getApplicationRecord(store, applicationId);
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
export async function takeReviewLease(store: SealStore, app: ApplicationRecord, staffId: string, version: number, now: Date): Promise<number> {
  const leased = await store.applications.takeReviewLease(
    { applicationId: app.applicationId, version },
    { staffId, until: new Date(now.getTime() + REVIEW_LEASE_MS).toISOString(), now: now.toISOString() },
  );
  if (!leased) throw await lostRace(store, app.applicationId);
  return version + 1;
}

/** When the effects failed: the application stays submitted, free for another decision. */
export async function releaseReviewLease(store: SealStore, applicationId: string, leasedVersion: number): Promise<void> {
  await store.applications.releaseReviewLease({ applicationId, version: leasedVersion });
}
