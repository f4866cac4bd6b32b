import { DomainError, sealMachine, step, type Action, type SealEvent } from '@seal/shared';
import { refusalFor } from './transition-seal';
import type { LifecycleDeps } from './deps';
import { proveFace, resolveRole, type Acting, type ActingParty } from './acting-party';
import { loadCompanySeals } from './load-seal';
import type { SealItem } from './views';

export interface SealOutcome {
  sealId: string;
  ok: boolean;
  state?: SealItem['state'];
  error?: { code: string; message: string };
}

/**
 * 选择需要冻结/解冻/注销/续期的印章: a person picks several seals of one company. Everything that can
 * refuse without writing runs first for all of them (permission, the state machine, the face
 * ticket for exactly this set), so a bad pick changes nothing. Then each seal changes in its own
 * transaction with its own audit event; one that lost a race to another change is reported in
 * its outcome while the others still apply.
 */
export async function runSealBatch(
  deps: LifecycleDeps,
  batch: {
    companyId: string;
    sealIds: readonly string[];
    party: ActingParty;
    action: Action;
    event: SealEvent;
    now: Date;
    apply: (seal: SealItem, acting: Acting) => Promise<SealItem['state']>;
  },
): Promise<SealOutcome[]> {
  const { store } = deps.services;
  const seals = await loadCompanySeals(store, batch.companyId, batch.sealIds);
  const target = { companyId: batch.companyId, sealIds: batch.sealIds };
  const acting = resolveRole(batch.party, batch.action, target);
  for (const seal of seals) {
    const next = step(sealMachine, seal.state, batch.event, acting.as);
    if (!next.ok) throw new DomainError(next.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : refusalFor(seal.state), undefined, [{ path: seal.sealId, message: seal.name }]);
  }
  await proveFace(store, batch.party, batch.action, target, batch.now);
  const outcomes: SealOutcome[] = [];
  for (const seal of seals) {
    try {
      outcomes.push({ sealId: seal.sealId, ok: true, state: await batch.apply(seal, acting) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({ sealId: seal.sealId, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  // A single seal that failed is that seal's error, with its HTTP status.
  if (outcomes.every((o) => !o.ok)) {
    const first = outcomes[0]!.error!;
    throw new DomainError(first.code as DomainError['code'], first.message);
  }
  return outcomes;
}
