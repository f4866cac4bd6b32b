import type { Action, GrantEvent, GrantRole } from '@seal/shared';

/** The permission-matrix action of authorizing someone in `role` (在线授权). */
export function authorizeActionFor(role: GrantRole): Action {
  return role === 'seal_administrator' ? 'grant.authorize_administrator' : 'grant.authorize_holder';
}

/** The action and grant-machine event of cancelling a grant of `role` (取消授权). */
export function cancelActionFor(role: GrantRole): Action {
  return role === 'seal_administrator' ? 'grant.cancel_administrator' : 'grant.cancel_holder';
}
export function cancelEventFor(role: GrantRole): GrantEvent {
  return role === 'seal_administrator' ? 'cancel_administrator' : 'cancel_holder';
}
