import type { Machine } from './machine';

export const GRANT_STATES = ['active', 'cancelled'] as const;
export type GrantState = (typeof GRANT_STATES)[number];
export const GRANT_STATE_LABELS: Record<GrantState, string> = { active: '已授权', cancelled: '已取消' };

export const GRANT_EVENTS = ['cancel_holder', 'cancel_administrator', 'end'] as const;
export type GrantEvent = (typeof GRANT_EVENTS)[number];

/** 取消授权 takes effect at once; a licence change ends every grant (`end`). */
export const grantMachine: Machine<GrantState, GrantEvent> = {
  name: 'grant',
  states: GRANT_STATES,
  final: ['cancelled'],
  transitions: [
    { event: 'cancel_holder', from: ['active'], to: 'cancelled', action: 'grant.cancel_holder', window: true, reason: 'none', label: '取消授权' },
    { event: 'cancel_administrator', from: ['active'], to: 'cancelled', action: 'grant.cancel_administrator', window: true, reason: 'none', label: '取消授权' },
    { event: 'end', from: ['active'], to: 'cancelled', system: true, reason: 'system', label: '授权终止' },
  ],
};
