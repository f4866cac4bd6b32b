import { ACTIONS, type Action } from '../domain/permissions';
import type { Role } from '../domain/roles';

/** What a transition must record as its reason. */
export type ReasonRule =
  | 'none'
  /** Free text the person writes (freeze, unfreeze). */
  | 'text'
  /** 企业撤并 / 企业注销 / 其他原因 (with text). */
  | 'revocation'
  /** A system cause (licence change, certificate expiry). */
  | 'system';

export interface Transition<S extends string, E extends string> {
  event: E;
  from: readonly S[];
  /** `null`: the state does not change (e.g. a second person claims an active seal). */
  to: S | null;
  /** The online action a person takes (who may, which proof): the permission matrix decides. */
  action?: Action;
  /** Window staff may apply it when approving a window application. */
  window?: boolean;
  /** The platform itself may apply it (scheduled job, registry notification, PIN lockout). */
  system?: boolean;
  reason: ReasonRule;
  label: string;
}

export interface Machine<S extends string, E extends string> {
  name: string;
  states: readonly S[];
  final: readonly S[];
  transitions: readonly Transition<S, E>[];
}

export type Step<S extends string> =
  | { ok: true; to: S; changed: boolean }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'NOT_AUTHORIZED' };

/** An event may have several rows, one per group of source states (claim: first / further). */
export function transitionsFor<S extends string, E extends string>(m: Machine<S, E>, event: E): Transition<S, E>[] {
  const rows = m.transitions.filter((x) => x.event === event);
  if (rows.length === 0) throw new Error(`${m.name}: unknown event ${event}`);
  return rows;
}

/** Who may trigger an event: the action's roles, window staff for window business, the system. */
export function whoMayTrigger<S extends string, E extends string>(m: Machine<S, E>, event: E): Role[] {
  const roles = new Set<Role>();
  for (const t of transitionsFor(m, event)) {
    if (t.action) ACTIONS[t.action].roles.forEach((r) => roles.add(r));
    if (t.window) roles.add('window_staff');
    if (t.system) roles.add('system');
  }
  return [...roles];
}

/** Events possible from `state` (to show users what they can do). */
export function eventsFrom<S extends string, E extends string>(m: Machine<S, E>, state: S): E[] {
  return m.transitions.filter((t) => t.from.includes(state)).map((t) => t.event);
}

/**
 * The single decision point: may `role` fire `event` while the item is in `state`?
 * Role scope (which company, which seals) is the permission matrix's job; this checks
 * the role kind and the life cycle.
 */
export function step<S extends string, E extends string>(m: Machine<S, E>, state: S, event: E, role: Role): Step<S> {
  if (!whoMayTrigger(m, event).includes(role)) return { ok: false, code: 'NOT_AUTHORIZED' };
  const t = transitionsFor(m, event).find((x) => x.from.includes(state));
  if (!t) return { ok: false, code: 'ILLEGAL_TRANSITION' };
  const to = t.to ?? state;
  return { ok: true, to, changed: to !== state };
}
