import { CHALLENGE_TTL_SECONDS, DomainError, challengeMachine, step, type ChallengePurpose } from '@seal/shared';
import type { Ports } from '../../ports';
import { secretMatches } from '../identity/secrets';
import { issueSession } from '../identity/issue-session';
import { effectiveState, getChallenge } from './challenge-rules';

/** An approved challenge must be picked up by its desktop within this long after it expired. */
const PICKUP_GRACE_MS = CHALLENGE_TTL_SECONDS * 1000;

/** Only the desktop holding the secret learns anything; to anyone else the challenge does not exist. */
async function ownChallenge(services: Ports, challengeId: string, desktopSecret: string) {
  const challenge = await getChallenge(services.store, challengeId).catch(() => null);
  if (!challenge || !secretMatches(desktopSecret, challenge.desktopBinding)) throw new DomainError('CHALLENGE_NOT_FOUND');
  return challenge;
}

/**
 * approved → consumed, once: conditional on the state and version read, so two polls (or a poll
 * and a signing request) cannot both use one approval.
 */
async function consume(services: Ports, challenge: Awaited<ReturnType<typeof ownChallenge>>) {
  const now = services.now();
  if (!step(challengeMachine, challenge.state, 'consume', 'system').ok) throw new DomainError('CHALLENGE_USED');
  if (now.getTime() > new Date(challenge.expiresAt).getTime() + PICKUP_GRACE_MS) throw new DomainError('CHALLENGE_EXPIRED');
  if (!(await services.store.challenges.consume(challenge))) throw new DomainError('CHALLENGE_USED');
}

/**
 * The desktop polls its challenge. A login approval is turned into the desktop's session right
 * here, once; other purposes are consumed by the API they confirm (`consumeChallenge`).
 */
export async function pollChallenge(services: Ports, input: { challengeId: string; desktopSecret: string }) {
  const challenge = await ownChallenge(services, input.challengeId, input.desktopSecret);
  const state = effectiveState(challenge, services.now());
  if (challenge.purpose === 'login' && state === 'approved') {
    await consume(services, challenge);
    const session = await issueSession(services, challenge.approverId!, 'desktop');
    return { state: 'consumed' as const, session: { token: session.token, expiresAt: session.expiresAt, person: session.person } };
  }
  return { state, approverName: undefined as string | undefined };
}

/**
 * For the APIs a challenge confirms (UKey binding, web signing): the approved challenge of this
 * desktop and purpose, consumed now. Returns who approved and the outcome (sign: the credential).
 *
 * The caller is checked before the approval is spent (issue #15): the challenge must have been
 * started by the desktop session's own person, and a `sign` approval made by that same person (it
 * signs with their credential). Someone presenting another person's challenge id and desktop
 * secret is refused (403) and leaves the approval to its owner.
 */
export async function consumeChallenge(
  services: Ports,
  input: { challengeId: string; desktopSecret: string; purpose: ChallengePurpose; callerId: string },
) {
  const challenge = await ownChallenge(services, input.challengeId, input.desktopSecret);
  if (challenge.purpose !== input.purpose) throw new DomainError('CHALLENGE_NOT_FOUND');
  const state = effectiveState(challenge, services.now());
  if (state !== 'approved')
    throw new DomainError(state === 'expired' ? 'CHALLENGE_EXPIRED' : state === 'pending' ? 'FACE_CHECK_REQUIRED' : 'CHALLENGE_USED');
  if (challenge.summary.creatorId !== input.callerId) throw new DomainError('NOT_AUTHORIZED');
  if (challenge.purpose === 'sign' && challenge.approverId !== input.callerId) throw new DomainError('NOT_AUTHORIZED');
  await consume(services, challenge);
  return { approverId: challenge.approverId!, outcome: (challenge.outcome ?? {}) as { credentialId?: string }, summary: challenge.summary };
}
