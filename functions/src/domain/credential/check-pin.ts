import { DomainError, MAX_PIN_FAILURES, PIN_LOCK_MS, SYSTEM_CAUSE_LABELS, credentialMachine, pinAttemptsLeftMessage, step } from '@seal/shared';
import type { PinKeys } from '../../ports/pin-keys';
import type { SealStore, WriteOp } from '../../ports/seal-store';
import { isLive, liveCredentialOf, type CredentialItem } from './find-credential';
import { pinMatches, sealPin, type PinMatch } from './pin-hash';

const MAX_ROUNDS = 20;

export interface PinCheck {
  sealId: string;
  personId: string;
  pin: string;
  now: Date;
  /** When the caller knows exactly which credential (e.g. a QR sign approval). */
  credentialId?: string;
  /**
   * The person's live credential as the caller just read it by holder (`liveCredentialOf`), so it is
   * not read twice. The caller then reads it again by key and consistently, and refuses another
   * version (the signing gate does): the holder index may be a moment stale.
   */
  credential?: CredentialItem;
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
 * where it finds either room below four or the lock. The credential is found by holder (an index,
 * maybe a moment stale) and read by key, consistently, in every round, so a PIN changed a moment ago
 * is checked against the new one; only a `credential` the caller passes is taken as it is (see there).
 *
 * A right PIN still stored as scrypt (before decision 0140) is replaced by its KMS MAC, conditional
 * on the stored value being the one just checked (a PIN changed meanwhile is left alone).
 */
export async function checkPin(services: { store: SealStore; pinKeys: PinKeys }, check: PinCheck): Promise<CredentialItem> {
  const { store, pinKeys } = services;
  let hashChecked: PinMatch | undefined;
  let known = check.credential;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const credential = round === 0 && known ? known : await reread(store, (known ??= await liveCredentialOf(store, check)));
    if (credential.state === 'locked') {
      if (credential.lockedUntil && new Date(credential.lockedUntil) > check.now) throw new DomainError('PIN_LOCKED');
      await unlock(store, credential, check.now);
      continue;
    }
    // A crash between the fifth count and the lock cannot happen (one write), but be strict anyway.
    if (credential.failedAttempts >= MAX_PIN_FAILURES) throw new DomainError('PIN_LOCKED');
    hashChecked ??= await pinMatches(pinKeys, credential.credentialId, check.pin, credential.pinHash);
    if (hashChecked.matches) {
      if (credential.failedAttempts > 0) await store.credentials.clearPinFailures(credential);
      if (hashChecked.outdated) await store.credentials.replacePinHash(credential, credential.pinHash, await sealPin(pinKeys, credential.credentialId, check.pin));
      return credential;
    }
    if (credential.failedAttempts < MAX_PIN_FAILURES - 1) {
      if (await store.credentials.countPinFailure(credential, MAX_PIN_FAILURES - 1)) {
        const left = MAX_PIN_FAILURES - credential.failedAttempts - 1;
        throw new DomainError('PIN_INCORRECT', pinAttemptsLeftMessage(left));
      }
    } else if (await lock(store, credential, check.now)) {
      throw new DomainError('PIN_LOCKED');
    }
  }
  throw new DomainError('CONFLICT');
}

/** The same credential, read by key and consistently; CREDENTIAL_INACTIVE once it is no longer live. */
async function reread(store: SealStore, credential: CredentialItem): Promise<CredentialItem> {
  const fresh = await store.credentials.get(credential, { consistent: true });
  if (!fresh || !isLive(fresh)) throw new DomainError('CREDENTIAL_INACTIVE');
  return fresh;
}

/** Credential machine `lock` (system) with its audit event; false when someone else moved first. */
async function lock(store: SealStore, c: CredentialItem, now: Date): Promise<boolean> {
  const next = step(credentialMachine, c.state, 'lock', 'system');
  if (!next.ok) return false;
  const lockedUntil = new Date(now.getTime() + PIN_LOCK_MS).toISOString();
  return auditedCredentialWrite(
    store,
    c,
    now,
    { action: 'credential.lock', reason: SYSTEM_CAUSE_LABELS.pin_failures, to: next.to, lockedUntil },
    store.credentials.lock(c, { state: next.to, failedAttempts: MAX_PIN_FAILURES, lockedUntil }),
  );
}

/** The lock period is over: credential machine `unlock` (system), counter back to zero. */
async function unlock(store: SealStore, c: CredentialItem, now: Date): Promise<void> {
  const next = step(credentialMachine, c.state, 'unlock', 'system');
  if (!next.ok) return;
  await auditedCredentialWrite(
    store,
    c,
    now,
    { action: 'credential.unlock', reason: SYSTEM_CAUSE_LABELS.lock_elapsed, to: next.to },
    store.credentials.unlock(c, { state: next.to }),
  );
}

async function auditedCredentialWrite(
  store: SealStore,
  c: CredentialItem,
  now: Date,
  change: { action: string; reason: string; to: CredentialItem['state']; lockedUntil?: string },
  write: WriteOp,
): Promise<boolean> {
  try {
    await store.commitWithAudit(
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
      [write],
      now,
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return false;
    throw error;
  }
}
