import { CHALLENGE_APPROVAL_ACTION, DomainError, type Action, type ChallengePurpose, type Target } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';

/** What a challenge stores besides its state: the target and what the phone will be shown. */
export interface ChallengeSummaryData {
  companyId?: string;
  companyName?: string;
  sealId?: string;
  sealName?: string;
  sealKind?: string;
  /** The desktop session's person (none for login). */
  creatorId?: string;
  details: Record<string, unknown>;
  desktop: { location: string; browser: string };
}

export function approvalAction(purpose: ChallengePurpose): Action {
  return CHALLENGE_APPROVAL_ACTION[purpose];
}

export function challengeTarget(summary: ChallengeSummaryData): Target {
  return summary.companyId && summary.sealId ? { companyId: summary.companyId, sealIds: [summary.sealId] } : {};
}

/** A face ticket for a challenge is bound to that very challenge (it names the seal and action). */
export function challengeFaceTarget(challengeId: string): string {
  return `challenge:${challengeId}`;
}

export async function getChallenge(store: SealStore, challengeId: string) {
  const data = await store.challenges.get(challengeId);
  if (!data) throw new DomainError('CHALLENGE_NOT_FOUND');
  return { ...data, summary: data.summary as ChallengeSummaryData };
}

export type ChallengeItem = Awaited<ReturnType<typeof getChallenge>>;

/** The state as anyone should see it now: a pending challenge past its time is expired. */
export function effectiveState(c: ChallengeItem, now: Date) {
  return c.state === 'pending' && c.expiresAt <= now.toISOString() ? 'expired' : c.state;
}

/** The refusal for approving or rejecting a challenge that is no longer pending. */
export function notPendingError(state: string): DomainError {
  return new DomainError(state === 'expired' ? 'CHALLENGE_EXPIRED' : 'CHALLENGE_USED');
}
