import { DomainError, sealMachine, step, type Role, type SealEvent, type SealState } from '@seal/shared';
import type { SealDataRecord, SealStore, WriteOp } from '../../ports/seal-store';

export interface SealTransition {
  sealId: string;
  event: SealEvent;
  /** The role the permission check resolved for the actor on this seal. */
  as: Role;
  actorId: string;
  reason?: string;
  /** The version the caller read; the write succeeds only if nobody changed the seal since. */
  expectedVersion?: number;
  /** Further writes that must happen together with this one (credentials, certificates...). */
  alsoWrite?: readonly WriteOp[];
  /** Extra attributes to set on the seal with the state (e.g. a new expiry day). */
  set?: { expiresOn?: string; sealData?: SealDataRecord };
  now?: () => Date;
}

/**
 * The one place a seal's state is written. The shared state machine decides whether the event is
 * allowed from the state read; the write is conditional on the version read, so a change that
 * raced ahead (a freeze landing between our read and our write) makes this one fail with
 * CONFLICT instead of overwriting it.
 */
export async function transitionSeal(store: SealStore, t: SealTransition): Promise<{ from: SealState; to: SealState; version: number }> {
  const seal = await store.seals.get(t.sealId);
  if (!seal) throw new DomainError('SEAL_NOT_FOUND');
  const version = t.expectedVersion ?? seal.version;
  if (seal.version !== version) throw new DomainError('CONFLICT');
  const result = step(sealMachine, seal.state, t.event, t.as);
  if (!result.ok) throw new DomainError(result.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : refusalFor(seal.state));
  const now = (t.now ?? (() => new Date()))();
  await store.commitWithAudit(
    {
      companyId: seal.companyId,
      actorId: t.actorId,
      actorRole: t.as,
      action: `seal.${t.event}`,
      subject: `seal:${seal.sealId}`,
      reason: t.reason,
      before: { state: seal.state, version },
      after: { state: result.to, version: version + 1 },
    },
    [
      store.seals.update({ sealId: seal.sealId, version }, { state: result.to, updatedAt: now.toISOString(), ...(t.reason ? { stateReason: t.reason } : {}), ...t.set }),
      ...(t.alsoWrite ?? []),
    ],
    now,
  );
  return { from: seal.state, to: result.to, version: version + 1 };
}

/** The most helpful refusal for a seal in `state`: "frozen" says more than "illegal transition". */
export function refusalFor(state: SealState) {
  switch (state) {
    case 'frozen':
      return 'SEAL_FROZEN' as const;
    case 'revoked':
      return 'SEAL_REVOKED' as const;
    case 'expired':
      return 'SEAL_EXPIRED' as const;
    case 'pending_claim':
      return 'SEAL_NOT_CLAIMED' as const;
    default:
      return 'ILLEGAL_TRANSITION' as const;
  }
}
