import { ACTIONS, CHALLENGE_PURPOSE_LABELS, type Actor } from '@seal/shared';
import type { Ports } from '../../ports';
import { approvalAction, effectiveState, getChallenge } from './challenge-rules';
import { assertMayApprove } from './approve-challenge';

/**
 * What the phone shows after scanning: exactly what would be approved (purpose, company, seal,
 * document) and which desktop asks (coarse place, browser). Only someone who may approve sees it.
 */
export async function readChallengeSummary(services: Ports, input: { challengeId: string; actor: Actor }) {
  const challenge = await getChallenge(services.store, input.challengeId);
  assertMayApprove(challenge, input.actor);
  const s = challenge.summary;
  const action = approvalAction(challenge.purpose);
  return {
    challengeId: challenge.challengeId,
    purpose: challenge.purpose,
    purposeLabel: CHALLENGE_PURPOSE_LABELS[challenge.purpose],
    action,
    proof: ACTIONS[action].proof,
    company: s.companyId ? { companyId: s.companyId, name: s.companyName ?? s.companyId } : undefined,
    seal: s.sealId ? { sealId: s.sealId, name: s.sealName ?? '', kind: s.sealKind ?? '' } : undefined,
    details: s.details,
    desktop: s.desktop,
    state: effectiveState(challenge, services.now()),
    createdAt: challenge.createdAt,
    expiresAt: challenge.expiresAt,
  };
}
