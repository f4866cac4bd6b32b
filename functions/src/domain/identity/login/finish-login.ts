import { DomainError } from '@seal/shared';
import type { Services } from '../../../composition';
import { consumeFaceTicket } from '../face-ticket';
import { openIdNumber, sealIdNumber } from '../id-number-vault';
import { issueSession } from '../issue-session';
import { loginSubject, openLoginAttempt } from './login-attempt';
import { kmsOf } from '../../../adapters/aws-kms/client';

/**
 * Step 3: the passed login face ticket buys a phone session. The attempt is spent (conditional on
 * its version), the openid is bound to the person, and the ID number is kept sealed on the person
 * for later face checks.
 */
export async function finishLogin(services: Services, input: { loginId: string; loginSecret: string; faceTicket: string }) {
  const { db } = services;
  const kms = kmsOf(services);
  const now = services.now();
  const attempt = await openLoginAttempt(db, input.loginId, input.loginSecret, now);
  const subject = loginSubject(attempt.loginId);
  await consumeFaceTicket(db, { ticketId: input.faceTicket, personId: subject, action: 'session.login', target: 'platform', now });
  if (!attempt.personId || !attempt.idNumberSealed || !attempt.name || !attempt.idNumberMasked)
    throw new DomainError('FACE_TICKET_INVALID');
  try {
    await db.entities.loginAttempt
      .patch({ loginId: attempt.loginId })
      .set({ state: 'done', version: attempt.version + 1 })
      .where((a, op) => `${op.eq(a.version, attempt.version)} AND ${op.eq(a.state, 'started')}`)
      .go();
  } catch (error) {
    if (/conditional/i.test(String(error))) throw new DomainError('SESSION_EXPIRED', '登录已失效，请重新登录');
    throw error;
  }
  const personId = attempt.personId;
  const idNumber = await openIdNumber(kms, subject, attempt.idNumberSealed);
  const idNumberSealed = await sealIdNumber(kms, personId, idNumber);
  const { data: existing } = await db.entities.person.get({ personId }).go();
  if (existing && existing.name !== attempt.name) throw new DomainError('VALIDATION_FAILED', '姓名与身份证号码不符');
  if (existing) {
    await db.entities.person.patch({ personId }).set({ openid: attempt.openid, idNumberSealed }).go();
  } else {
    await db.entities.person
      .create({
        personId,
        name: attempt.name,
        idNumberMasked: attempt.idNumberMasked,
        openid: attempt.openid,
        idNumberSealed,
        sessionEpoch: 0,
        createdAt: now.toISOString(),
      })
      .go()
      .catch(async (error) => {
        // Created meanwhile (e.g. as a grantee): bind to it.
        if (!/conditional/i.test(String(error))) throw error;
        await db.entities.person.patch({ personId }).set({ openid: attempt.openid, idNumberSealed }).go();
      });
  }
  await db.entities.wechatBinding.put({ openid: attempt.openid, personId, boundAt: now.toISOString() }).go();
  return issueSession(services, personId, 'phone');
}
