import { DomainError, type Action } from '@seal/shared';
import type { Ports } from '../../ports';
import { FACE_TICKET_TTL_SECONDS } from './face-ticket';
import { newId } from './secrets';
import { spendQuotas, type QuotaCharge } from '../quota/spend-quota';

/** Whom a face check is for: a person (`personId`) or a login attempt (`login:<loginId>`). */
export interface FaceCheckWho {
  subject: string;
  name: string;
  idNumberMasked: string;
  openid?: string;
  /** Opened only by the WeChat adapter, which needs the full ID number. */
  idNumber: () => Promise<string>;
  /** The daily face-check quotas a check for this subject counts against (each start is a paid call). */
  charges: readonly QuotaCharge[];
}

/**
 * Starts a face check and creates its ticket, `pending` until the verifier reports a pass. The
 * ticket is bound now to (subject, action, target) and lives five minutes from now, whatever
 * happens: a pass cannot be carried over to another action, target or person. The start is
 * counted against the subject's quotas before the verifier is asked (in production each start is
 * a paid WeChat call); callers have checked the subject may take the action first.
 */
export async function startFaceCheck(services: Ports, who: FaceCheckWho, action: Action, target: string) {
  const now = services.now();
  await spendQuotas(services.store, who.charges, now);
  const verifier = services.faceVerifier;
  const ticketId = newId('ft');
  const { verifyId } = await verifier.start({ outSeqNo: ticketId, openid: who.openid, name: who.name, idNumber: who.idNumber });
  const expiresAt = new Date(now.getTime() + FACE_TICKET_TTL_SECONDS * 1000);
  await services.store.faceTickets.create({
    ticketId,
    personId: who.subject,
    action,
    target,
    state: 'pending',
    verifyId,
    expiresAt: expiresAt.toISOString(),
    ttl: Math.floor(expiresAt.getTime() / 1000) + 3600,
  });
  return {
    ticketId,
    verifyId,
    mode: verifier.mode,
    identity: { name: who.name, idNumberMasked: who.idNumberMasked },
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Reads the outcome from the verifier (WeChat: queryverifyinfo; simulated: the screen's choice) and
 * moves the ticket pending → passed | failed, conditionally: a ticket is decided once.
 */
export async function completeFaceCheck(services: Ports, who: FaceCheckWho, ticketId: string, claimedPass?: boolean) {
  const now = services.now();
  const ticket = await services.store.faceTickets.get(ticketId);
  if (!ticket || ticket.personId !== who.subject) throw new DomainError('FACE_TICKET_INVALID');
  if (ticket.state !== 'pending' || ticket.expiresAt <= now.toISOString()) throw new DomainError('FACE_TICKET_INVALID');
  const verifier = services.faceVerifier;
  const { passed } = await verifier.result({
    outSeqNo: ticketId,
    openid: who.openid,
    name: who.name,
    idNumber: who.idNumber,
    verifyId: ticket.verifyId,
    claimedPass,
  });
  const state = passed ? ('passed' as const) : ('failed' as const);
  if (!(await services.store.faceTickets.decide(ticketId, state))) throw new DomainError('FACE_TICKET_INVALID');
  if (!passed) throw new DomainError('FACE_CHECK_FAILED');
  return { ticketId, state };
}
