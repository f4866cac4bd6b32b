import { transitionSeal } from '../seals/transition-seal';
import type { LifecycleDeps } from './deps';
import type { ActingParty } from './acting-party';
import { runSealBatch } from './seal-batch';

/**
 * 冻结: the seals stop signing at once (the signing gate re-reads the seal), their credentials
 * and certificates stay as they are, and 解冻 brings them back. Online: legal representative or
 * administrator with a face check; by window: staff approving the application.
 */
export function freezeSeals(deps: LifecycleDeps, request: { companyId: string; sealIds: readonly string[]; reason: string; party: ActingParty; now: Date }) {
  return runSealBatch(deps, {
    ...request,
    action: 'seal.freeze',
    event: 'freeze',
    apply: async (seal, acting) =>
      (
        await transitionSeal(deps.services.db, {
          sealId: seal.sealId,
          event: 'freeze',
          ...acting,
          reason: request.reason,
          expectedVersion: seal.version,
          now: () => request.now,
        })
      ).to,
  });
}

/** 解冻 (see freezeSeals). */
export function unfreezeSeals(deps: LifecycleDeps, request: { companyId: string; sealIds: readonly string[]; reason: string; party: ActingParty; now: Date }) {
  return runSealBatch(deps, {
    ...request,
    action: 'seal.unfreeze',
    event: 'unfreeze',
    apply: async (seal, acting) =>
      (
        await transitionSeal(deps.services.db, {
          sealId: seal.sealId,
          event: 'unfreeze',
          ...acting,
          reason: request.reason,
          expectedVersion: seal.version,
          now: () => request.now,
        })
      ).to,
  });
}
