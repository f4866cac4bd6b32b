import { DomainError, type Action } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';

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
  db: SealService,
  ticket: { ticketId: string | undefined; personId: string; action: Action; target: string; now: Date },
): Promise<void> {
  if (!ticket.ticketId) throw new DomainError('FACE_CHECK_REQUIRED');
  try {
    await db.entities.faceTicket
      .patch({ ticketId: ticket.ticketId })
      .set({ state: 'used' })
      .where(
        (a, op) =>
          `${op.eq(a.state, 'passed')} AND ${op.eq(a.personId, ticket.personId)} AND ${op.eq(a.action, ticket.action as string)} AND ${op.eq(a.target, ticket.target)} AND ${op.gt(a.expiresAt, ticket.now.toISOString())}`,
      )
      .go();
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException' || /conditional/i.test(String(error))) {
      throw new DomainError('FACE_TICKET_INVALID');
    }
    throw error;
  }
}
