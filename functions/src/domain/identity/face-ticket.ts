import { DomainError, type Action } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';

/** A passed face check is good for five minutes, for one use, for one action on one target. */
export const FACE_TICKET_TTL_SECONDS = 5 * 60;

/** How a target is written into a ticket: `company:<id>`, `seal:<id>`, `seals:<id>,<id>` (sorted), `platform`. */
export function faceTarget(target: { companyId?: string; sealIds?: readonly string[] }): string {
  if (target.sealIds?.length) return `seals:${[...target.sealIds].sort().join(',')}`;
  if (target.companyId) return `company:${target.companyId}`;
  return 'platform';
}

/**
 * Spends a face ticket. The update is conditional on everything the ticket is bound to, so a
 * ticket for another person, action or target, an expired one, or one already spent (also by a
 * concurrent request: only one conditional write can flip `passed` to `used`) is refused.
 */
export async function consumeFaceTicket(
  store: SealStore,
  ticket: { ticketId: string | undefined; personId: string; action: Action; target: string; now: Date },
): Promise<void> {
  if (!ticket.ticketId) throw new DomainError('FACE_CHECK_REQUIRED');
  const spent = await store.faceTickets.spend({
    ticketId: ticket.ticketId,
    personId: ticket.personId,
    action: ticket.action,
    target: ticket.target,
    now: ticket.now.toISOString(),
  });
  if (!spent) throw new DomainError('FACE_TICKET_INVALID');
}
