import { DomainError } from '@seal/shared';
import type { Ports } from '../../../ports';
import { consumeFaceTicket } from '../face-ticket';
import { issueSession } from '../issue-session';
import { loginSubject, openLoginAttempt } from './login-attempt';

/**
 * Step 3: the passed login face ticket buys a phone session. The attempt is spent (conditional on
 * its version), the openid is bound to the person, the name the face check verified with the ID
 * number becomes the person's name, and the ID number is kept sealed on the person for later face
 * checks. This is the only place a person's name↔ID binding is written.
 */
export async function finishLogin(services: Ports, input: { loginId: string; loginSecret: string; faceTicket: string }) {
  const { store, idNumbers } = services;
  const now = services.now();
  const attempt = await openLoginAttempt(store, input.loginId, input.loginSecret, now);
  const subject = loginSubject(attempt.loginId);
  await consumeFaceTicket(store, { ticketId: input.faceTicket, personId: subject, action: 'session.login', target: 'platform', now });
  if (!attempt.personId || !attempt.idNumberSealed || !attempt.name || !attempt.idNumberMasked)
    throw new DomainError('FACE_TICKET_INVALID');
  if (!(await store.loginAttempts.finish(attempt))) throw new DomainError('SESSION_EXPIRED', '登录已失效，请重新登录');
  const personId = attempt.personId;
  const idNumber = await idNumbers.open(subject, attempt.idNumberSealed);
  const idNumberSealed = await idNumbers.seal(personId, idNumber);
  // The face check verified this name with this ID number: it is written whatever name others
  // gave the person before (a registry copy, an old grant's guess), never refused (issue #15).
  const check = { name: attempt.name, idNumberMasked: attempt.idNumberMasked, openid: attempt.openid, idNumberSealed, nameVerifiedAt: now.toISOString() };
  const created = await store.people.create({ personId, ...check, sessionEpoch: 0, createdAt: now.toISOString() });
  if (!created) await store.people.recordRealNameCheck(personId, check);
  await store.wechatBindings.put({ openid: attempt.openid, personId, boundAt: now.toISOString() });
  return issueSession(services, personId, 'phone');
}
