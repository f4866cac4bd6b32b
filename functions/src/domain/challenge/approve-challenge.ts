import { ACTIONS, DomainError, authorize, challengeMachine, step, type Actor } from '@seal/shared';
import type { Ports } from '../../ports';
import { consumeFaceTicket } from '../identity/face-ticket';
import {
  approvalAction,
  challengeFaceTarget,
  challengeTarget,
  effectiveState,
  getChallenge,
  notPendingError,
  type ChallengeItem,
} from './challenge-rules';
import { verifySigningPin } from './verify-signing-pin';

/**
 * The phone may act on this challenge: the permission matrix for the purpose's approval action
 * on the challenge's seal, and for signing only the person whose desktop asked (it signs with
 * their credential).
 */
export function assertMayApprove(challenge: ChallengeItem, actor: Actor): void {
  if (!authorize(actor, approvalAction(challenge.purpose), challengeTarget(challenge.summary)).allowed)
    throw new DomainError('NOT_AUTHORIZED');
  if (challenge.purpose === 'sign' && challenge.summary.creatorId !== actor.personId) throw new DomainError('NOT_AUTHORIZED');
}

/**
 * 扫一扫 → 确认. Checks, in order: the challenge is pending and in time (single use, two minutes),
 * the approver may approve it, the proof (a face ticket bound to this challenge, or the signing
 * PIN); then one conditional write pending → approved. Of two approvals racing, one wins.
 */
export async function approveChallenge(
  services: Ports,
  input: { challengeId: string; actor: Actor; faceTicket?: string; pin?: string },
) {
  const { store } = services;
  const now = services.now();
  const personId = input.actor.personId!;
  const challenge = await getChallenge(store, input.challengeId);
  const state = effectiveState(challenge, now);
  if (!step(challengeMachine, state, 'approve', 'person').ok) throw notPendingError(state);
  assertMayApprove(challenge, input.actor);
  const action = approvalAction(challenge.purpose);
  let outcome: Record<string, unknown> = { approvedAt: now.toISOString() };
  if (ACTIONS[action].proof === 'face') {
    await consumeFaceTicket(store, { ticketId: input.faceTicket, personId, action, target: challengeFaceTarget(challenge.challengeId), now });
  } else {
    if (!input.pin) throw new DomainError('VALIDATION_FAILED', '请输入签章密码');
    const { credentialId } = await verifySigningPin(services, { sealId: challenge.summary.sealId!, personId, pin: input.pin, now });
    outcome = { ...outcome, credentialId };
  }
  const approved = await store.challenges.approve(challenge, { approverId: personId, outcome, now: now.toISOString() });
  if (!approved) throw new DomainError('CHALLENGE_USED');
  return { challengeId: challenge.challengeId, state: 'approved' as const };
}

/** 扫一扫 → 拒绝: the desktop learns the phone said no. */
export async function rejectChallenge(services: Ports, input: { challengeId: string; actor: Actor }) {
  const now = services.now();
  const challenge = await getChallenge(services.store, input.challengeId);
  const state = effectiveState(challenge, now);
  if (!step(challengeMachine, state, 'reject', 'person').ok) throw notPendingError(state);
  assertMayApprove(challenge, input.actor);
  const rejected = await services.store.challenges.reject(challenge, { approverId: input.actor.personId });
  if (!rejected) throw new DomainError('CHALLENGE_USED');
  return { challengeId: challenge.challengeId, state: 'rejected' as const };
}
