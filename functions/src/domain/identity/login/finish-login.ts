import { DomainError } from '@seal/shared';
import type { Ports } from '../../../ports';
import { consumeFaceTicket } from '../face-ticket';
import { issueSession } from '../issue-session';
import { loginSubject, openLoginAttempt } from './login-attempt';

/**
 * Step 3: the passed login face ticket buys a phone session. The attempt is spent (conditional on
 * its version), the openid is bound to the person, and the ID number is kept sealed on the person
 * for later face checks.
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
  const existing = await store.people.get(personId);
  if (existing && existing.name !== attempt.name) throw new DomainError('VALIDATION_FAILED', '姓名与身份证号码不符');
  const created =
    !existing &&
    (await store.people.create({
      personId,
      name: attempt.name,
      idNumberMasked: attempt.idNumberMasked,
      openid: attempt.openid,
      idNumberSealed,
      sessionEpoch: 0,
      createdAt: now.toISOString(),
    }));
  // Known already, or created meanwhile (e.g. as a grantee): bind to it.
  if (!created) await store.people.bindWechat(personId, { openid: attempt.openid, idNumberSealed });
  await store.wechatBindings.put({ openid: attempt.openid, personId, boundAt: now.toISOString() });
  return issueSession(services, personId, 'phone');
}
