import { DomainError, MAX_PIN_FAILURES, PIN_LOCK_MS, SYSTEM_CAUSE_LABELS, credentialMachine, pinAttemptsLeftMessage, step } from '@seal/shared';
import { commitWithAudit, type TxEntities } from '../../adapters/dynamodb/commit';
import type { SealService } from '../../adapters/dynamodb/service';
import { isConditionFailure } from '../seal/condition-failed';
import { liveCredentialOf, type CredentialItem } from './find-credential';
import { pinMatches } from './pin-hash';

const MAX_ROUNDS = 20;

export interface PinCheck {
  sealId: string;
  personId: string;
  pin: string;
  now: Date;
  /** When the caller knows exactly which credential (e.g. a QR sign approval). */
  credentialId?: string;
}

/**
 * Checks a person's signing PIN for a seal and returns their live credential. Throws
 * PIN_INCORRECT, PIN_LOCKED, CREDENTIAL_NOT_FOUND or CREDENTIAL_INACTIVE.
 *
 * Counting wrong attempts under concurrency (20 wrong PINs at once must count exactly 5):
 *   attempts 1-4: `ADD failedAttempts 1` IF failedAttempts < 4 AND state = active
 *   attempt 5:    state → locked, failedAttempts = 5 IF failedAttempts = 4 AND version = v  (+ audit event)
 * Each write's condition names the count it expects, so no increment lands past the fifth and
 * the fifth is the lock itself. A write whose condition fails re-reads and goes round again,
 * where it finds either room below four or the lock.
 */
export async function checkPin(db: SealService, check: PinCheck): Promise<CredentialItem> {
  let hashChecked: boolean | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const credential = await liveCredentialOf(db, check);
    if (credential.state === 'locked') {
      if (credential.lockedUntil && new Date(credential.lockedUntil) > check.now) throw new DomainError('PIN_LOCKED');
      await unlock(db, credential, check.now);
      continue;
    }
    // A crash between the fifth count and the lock cannot happen (one write), but be strict anyway.
    if (credential.failedAttempts >= MAX_PIN_FAILURES) throw new DomainError('PIN_LOCKED');
    hashChecked ??= await pinMatches(check.pin, credential.pinHash);
    if (hashChecked) {
      if (credential.failedAttempts > 0) await resetFailures(db, credential);
      return credential;
    }
    if (credential.failedAttempts < MAX_PIN_FAILURES - 1) {
      if (await countFailure(db, credential)) {
        const left = MAX_PIN_FAILURES - credential.failedAttempts - 1;
        throw new DomainError('PIN_INCORRECT', pinAttemptsLeftMessage(left));
      }
    } else if (await lock(db, credential, check.now)) {
      throw new DomainError('PIN_LOCKED');
    }
  }
  throw new DomainError('CONFLICT');
}

async function countFailure(db: SealService, c: CredentialItem): Promise<boolean> {
  try {
    await db.entities.credential
      .patch({ sealId: c.sealId, credentialId: c.credentialId })
      .add({ failedAttempts: 1 })
      .where((a, op) => `${op.lt(a.failedAttempts, MAX_PIN_FAILURES - 1)} AND ${op.eq(a.state, 'active')}`)
      .go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

async function resetFailures(db: SealService, c: CredentialItem): Promise<void> {
  try {
    await db.entities.credential
      .patch({ sealId: c.sealId, credentialId: c.credentialId })
      .set({ failedAttempts: 0 })
      .where((a, op) => op.eq(a.state, 'active'))
      .go();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Credential machine `lock` (system) with its audit event; false when someone else moved first. */
async function lock(db: SealService, c: CredentialItem, now: Date): Promise<boolean> {
  const next = step(credentialMachine, c.state, 'lock', 'system');
  if (!next.ok) return false;
  const lockedUntil = new Date(now.getTime() + PIN_LOCK_MS).toISOString();
  return auditedCredentialWrite(db, c, now, { action: 'credential.lock', reason: SYSTEM_CAUSE_LABELS.pin_failures, to: next.to, lockedUntil }, (entities) =>
    entities.credential
      .patch({ sealId: c.sealId, credentialId: c.credentialId })
      .set({ state: next.to, failedAttempts: MAX_PIN_FAILURES, lockedUntil, version: c.version + 1 })
      .where((a, op) => `${op.eq(a.version, c.version)} AND ${op.eq(a.failedAttempts, MAX_PIN_FAILURES - 1)} AND ${op.eq(a.state, 'active')}`)
      .commit(),
  );
}

/** The lock period is over: credential machine `unlock` (system), counter back to zero. */
async function unlock(db: SealService, c: CredentialItem, now: Date): Promise<void> {
  const next = step(credentialMachine, c.state, 'unlock', 'system');
  if (!next.ok) return;
  await auditedCredentialWrite(db, c, now, { action: 'credential.unlock', reason: SYSTEM_CAUSE_LABELS.lock_elapsed, to: next.to }, (entities) =>
    entities.credential
      .patch({ sealId: c.sealId, credentialId: c.credentialId })
      .set({ state: next.to, failedAttempts: 0, version: c.version + 1 })
      .remove(['lockedUntil'])
      .where((a, op) => `${op.eq(a.version, c.version)} AND ${op.eq(a.state, 'locked')}`)
      .commit(),
  );
}

async function auditedCredentialWrite(
  db: SealService,
  c: CredentialItem,
  now: Date,
  change: { action: string; reason: string; to: CredentialItem['state']; lockedUntil?: string },
  write: (entities: TxEntities) => unknown,
): Promise<boolean> {
  try {
    await commitWithAudit(
      db,
      {
        companyId: c.companyId,
        actorId: 'system',
        actorRole: 'system',
        action: change.action,
        subject: `credential:${c.credentialId}`,
        reason: change.reason,
        before: { state: c.state, version: c.version, sealId: c.sealId },
        after: { state: change.to, version: c.version + 1, sealId: c.sealId, ...(change.lockedUntil ? { lockedUntil: change.lockedUntil } : {}) },
      },
      (entities) => [write(entities)],
      () => now,
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return false;
    throw error;
  }
}
