import type { Machine } from './machine';

export const APPLICATION_KINDS = [
  'apply',
  'authorize',
  'cancel_authorization',
  'change',
  'revoke',
  'freeze',
  'unfreeze',
  'custom_seal',
  'system_integration',
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  apply: '印章申请',
  authorize: '印章授权',
  cancel_authorization: '取消授权',
  change: '印章变更',
  revoke: '印章注销',
  freeze: '印章冻结',
  unfreeze: '印章解冻',
  custom_seal: '自定义印章申请',
  system_integration: '系统接入申请',
};

export const APPLICATION_STATES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  submitted: '待受理',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export const APPLICATION_EVENTS = ['approve', 'reject', 'withdraw'] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** A window application waits for window staff, who approve (the change takes effect) or reject with a reason. */
export const applicationMachine: Machine<ApplicationState, ApplicationEvent> = {
  name: 'application',
  states: APPLICATION_STATES,
  final: ['approved', 'rejected', 'withdrawn'],
  transitions: [
    { event: 'approve', from: ['submitted'], to: 'approved', action: 'application.review', reason: 'none', label: '审核通过' },
    { event: 'reject', from: ['submitted'], to: 'rejected', action: 'application.review', reason: 'text', label: '驳回' },
    { event: 'withdraw', from: ['submitted'], to: 'withdrawn', action: 'window.submit', reason: 'none', label: '撤回' },
  ],
};
