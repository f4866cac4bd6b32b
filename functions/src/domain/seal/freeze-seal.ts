import { transitionSeal } from './transition-seal';
import type { LifecycleDeps } from './deps';
import type { ActingParty } from './acting-party';
import { runSealBatch } from './seal-batch';

/**
 * 冻结: the seals stop signing at once (the signing gate re-reads the seal), their credentials
 * and certificates stay as they are, and 解冻 brings them back. Online: legal representative or
 * administrator with a face check; by window: staff approving the application.
 */
type ReasonedRequest = { companyId: string; sealIds: readonly string[]; reason: string; party: ActingParty; now: Date };

export function freezeSeals(deps: LifecycleDeps, request: ReasonedRequest) {
  return transitionWithReason(deps, request, 'freeze');
}

/** 解冻 (see freezeSeals). */
export function unfreezeSeals(deps: LifecycleDeps, request: ReasonedRequest) {
  return transitionWithReason(deps, request, 'unfreeze');
}

/** Freeze and unfreeze differ only in the event: each seal moves with the written reason, on the version read. */
function transitionWithReason(deps: LifecycleDeps, request: ReasonedRequest, event: 'freeze' | 'unfreeze') {
  return runSealBatch(deps, {
    ...request,
    action: `seal.${event}`,
    event,
    apply: async (seal, acting) =>
      (
        await transitionSeal(deps.services.store, {
          sealId: seal.sealId,
          event,
          ...acting,
          reason: request.reason,
          expectedVersion: seal.version,
          now: () => request.now,
        })
      ).to,
  });
}
