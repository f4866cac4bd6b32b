import { DomainError, authorize, type Action, type Actor, type Role } from '@seal/shared';
import { consumeFaceTicket, faceTarget } from '../identity/face-ticket';
import type { SealStore } from '../../ports/seal-store';

/**
 * Who takes a life-cycle action. A person acts online: the permission matrix resolves their role
 * and the face ticket proves it was them, for exactly this action and these seals. Window staff
 * act when approving a window application: the applicant's identity and materials were checked
 * at the window (`application.review`), so no ticket; the state machines still decide whether
 * `window_staff` may fire the event.
 */
export type ActingParty =
  | { kind: 'person'; actor: Actor; faceTicket?: string }
  | { kind: 'window_staff'; staffId: string; applicationId?: string };

export interface Acting {
  as: Role;
  actorId: string;
}

/** Authorizes without spending anything: run before the checks that could still refuse. */
export function resolveRole(party: ActingParty, action: Action, target: { companyId: string; sealIds?: readonly string[] }): Acting {
  if (party.kind === 'window_staff') return { as: 'window_staff', actorId: `staff:${party.staffId}` };
  const decision = authorize(party.actor, action, target);
  if (!decision.allowed || !party.actor.personId) throw new DomainError('NOT_AUTHORIZED');
  return { as: decision.as, actorId: party.actor.personId };
}

/** Spends the face ticket when the action needs one (ACTIONS[action].proof === 'face'). */
export async function proveFace(
  store: SealStore,
  party: ActingParty,
  action: Action,
  target: { companyId?: string; sealIds?: readonly string[] },
  now: Date,
): Promise<void> {
  if (party.kind !== 'person') return;
  const decision = authorize(party.actor, action, target as { companyId: string });
  if (decision.proof !== 'face') return;
  await consumeFaceTicket(store, { ticketId: party.faceTicket, personId: party.actor.personId!, action, target: faceTarget(target), now });
}
