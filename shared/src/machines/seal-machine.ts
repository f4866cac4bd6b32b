import type { Machine } from './machine';

export const SEAL_STATES = ['pending_claim', 'active', 'frozen', 'renewal_due', 'expired', 'revoked'] as const;
export type SealState = (typeof SEAL_STATES)[number];

export const SEAL_STATE_LABELS: Record<SealState, string> = {
  pending_claim: '待领取',
  active: '正常',
  frozen: '已冻结',
  renewal_due: '待续期',
  expired: '已过期',
  revoked: '已注销',
};

export const SEAL_EVENTS = ['claim', 'freeze', 'unfreeze', 'mark_renewal_due', 'expire', 'renew', 'revoke'] as const;
export type SealEvent = (typeof SEAL_EVENTS)[number];

const NOT_REVOKED = ['pending_claim', 'active', 'frozen', 'renewal_due', 'expired'] as const;

/** DESIGN.md §2, the seal life cycle. Only `active` and `renewal_due` seals sign. */
export const sealMachine: Machine<SealState, SealEvent> = {
  name: 'seal',
  states: SEAL_STATES,
  final: ['revoked'],
  transitions: [
    { event: 'claim', from: ['pending_claim'], to: 'active', action: 'seal.claim', reason: 'none', label: '领取' },
    // A further person claiming a seal in use adds a credential; the seal stays as it is.
    { event: 'claim', from: ['active', 'renewal_due'], to: null, action: 'seal.claim', reason: 'none', label: '领取' },
    { event: 'freeze', from: ['active', 'renewal_due'], to: 'frozen', action: 'seal.freeze', window: true, reason: 'text', label: '冻结' },
    { event: 'unfreeze', from: ['frozen'], to: 'active', action: 'seal.unfreeze', window: true, reason: 'text', label: '解冻' },
    { event: 'mark_renewal_due', from: ['active'], to: 'renewal_due', system: true, reason: 'system', label: '进入待续期' },
    { event: 'expire', from: ['active', 'renewal_due', 'frozen'], to: 'expired', system: true, reason: 'system', label: '过期' },
    { event: 'renew', from: ['renewal_due', 'expired'], to: 'active', action: 'seal.renew', reason: 'none', label: '续期' },
    { event: 'revoke', from: NOT_REVOKED, to: 'revoked', action: 'seal.revoke', window: true, system: true, reason: 'revocation', label: '注销' },
  ],
};

export function canSign(state: SealState): boolean {
  return state === 'active' || state === 'renewal_due';
}
