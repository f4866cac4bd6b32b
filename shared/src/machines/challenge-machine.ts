import type { Machine } from './machine';

/** A QR confirmation challenge: created by a desktop session, approved once on a phone. */
export const CHALLENGE_PURPOSES = ['login', 'ukey_bind', 'ukey_unbind', 'sign'] as const;
export type ChallengePurpose = (typeof CHALLENGE_PURPOSES)[number];
export const CHALLENGE_PURPOSE_LABELS: Record<ChallengePurpose, string> = {
  login: '电脑端登录',
  ukey_bind: 'Ukey绑定',
  ukey_unbind: 'Ukey解绑',
  sign: '电脑网页签章',
};

export const CHALLENGE_STATES = ['pending', 'approved', 'rejected', 'expired', 'consumed'] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];

export const CHALLENGE_EVENTS = ['approve', 'reject', 'expire', 'consume'] as const;
export type ChallengeEvent = (typeof CHALLENGE_EVENTS)[number];

/** Single use: once approved it is consumed by the desktop that created it, never approved again. */
export const challengeMachine: Machine<ChallengeState, ChallengeEvent> = {
  name: 'challenge',
  states: CHALLENGE_STATES,
  final: ['rejected', 'expired', 'consumed'],
  transitions: [
    { event: 'approve', from: ['pending'], to: 'approved', action: 'session.login', reason: 'none', label: '手机确认' },
    { event: 'reject', from: ['pending'], to: 'rejected', action: 'session.login', reason: 'none', label: '手机拒绝' },
    { event: 'expire', from: ['pending', 'approved'], to: 'expired', system: true, reason: 'none', label: '已过期' },
    { event: 'consume', from: ['approved'], to: 'consumed', system: true, reason: 'none', label: '已使用' },
  ],
};

/** Two minutes from creation to approval (DESIGN: short-lived, single-use). */
export const CHALLENGE_TTL_SECONDS = 120;

/** What approving a challenge of each purpose counts as in the permission matrix (and so which proof). */
export const CHALLENGE_APPROVAL_ACTION = {
  login: 'session.login',
  ukey_bind: 'ukey.confirm',
  ukey_unbind: 'ukey.confirm',
  sign: 'seal.sign',
} as const satisfies Record<ChallengePurpose, import('../domain/permissions').Action>;
