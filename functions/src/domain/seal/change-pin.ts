import { checkPin } from '../credential/check-pin';
import { sealPin } from '../credential/pin-hash';
import type { LifecycleDeps } from './deps';
import { proveFace, resolveRole, type ActingParty } from './acting-party';
import { loadSeal } from './load-seal';

/**
 * 修改签章密码: face check, the current PIN (counted towards the lockout like any wrong PIN),
 * then the new PIN's MAC (decision 0140) replaces the old one, conditional on the credential's version.
 */
export async function changePin(
  deps: LifecycleDeps,
  request: { party: ActingParty & { kind: 'person' }; sealId: string; currentPin: string; newPin: string; now: Date },
): Promise<void> {
  const { store } = deps.services;
  const personId = request.party.actor.personId!;
  const seal = await loadSeal(store, request.sealId);
  const target = { companyId: seal.companyId, sealIds: [seal.sealId] };
  const acting = resolveRole(request.party, 'credential.change_pin', target);
  await proveFace(store, request.party, 'credential.change_pin', target, request.now);
  const credential = await checkPin(deps.services, { sealId: seal.sealId, personId, pin: request.currentPin, now: request.now });
  const pinHash = await sealPin(deps.services.pinKeys, credential.credentialId, request.newPin);
  await store.commitWithAudit(
    {
      companyId: seal.companyId,
      actorId: acting.actorId,
      actorRole: acting.as,
      action: 'credential.change_pin',
      subject: `credential:${credential.credentialId}`,
      // Never the PIN or its hash: only that it changed.
      before: { version: credential.version, sealId: seal.sealId },
      after: { version: credential.version + 1, sealId: seal.sealId },
    },
    [store.credentials.changePin(credential, pinHash)],
    request.now,
  );
}
