import { DomainError, maskIdNumber } from '@seal/shared';
import type { Services } from '../../../composition';
import { completeFaceCheck, startFaceCheck, type FaceCheckWho } from '../face-check';
import { openIdNumber, sealIdNumber } from '../id-number-vault';
import { personIdFor } from '../person-id';
import { loginSubject, openLoginAttempt } from './login-attempt';
import { kmsOf } from '../../../adapters/aws-kms/client';

type Attempt = Awaited<ReturnType<typeof openLoginAttempt>>;

function whoFor(services: Services, attempt: Attempt): FaceCheckWho {
  const subject = loginSubject(attempt.loginId);
  return {
    subject,
    name: attempt.name!,
    idNumberMasked: attempt.idNumberMasked!,
    openid: attempt.openid,
    idNumber: () => openIdNumber(kmsOf(services), subject, attempt.idNumberSealed!),
  };
}

/**
 * Step 2: the login face check. A bound openid is checked against its person; an unbound one
 * names a person (name + ID number) the first time, and the face check decides whether it is them.
 */
export async function startLoginFaceCheck(
  services: Services,
  input: { loginId: string; loginSecret: string; name?: string; idNumber?: string },
) {
  const now = services.now();
  let attempt = await openLoginAttempt(services.db, input.loginId, input.loginSecret, now);
  const subject = loginSubject(attempt.loginId);
  if (!attempt.idNumberSealed) {
    let idNumber = input.idNumber;
    let name = input.name;
    if (attempt.personId) {
      // Bound person: their ID number was sealed on them at their first login.
      const { data: person } = await services.db.entities.person.get({ personId: attempt.personId }).go();
      if (!person?.idNumberSealed) throw new DomainError('FACE_CHECK_FAILED');
      idNumber = await openIdNumber(kmsOf(services), person.personId, person.idNumberSealed);
      name = person.name;
    }
    if (!name || !idNumber) throw new DomainError('VALIDATION_FAILED', '首次登录请填写姓名和身份证号码');
    const set = {
      name,
      idNumberMasked: maskIdNumber(idNumber),
      personId: personIdFor(idNumber),
      idNumberSealed: await sealIdNumber(kmsOf(services), subject, idNumber),
    };
    await services.db.entities.loginAttempt
      .patch({ loginId: attempt.loginId })
      .set({ ...set, version: attempt.version + 1 })
      .where((a, op) => op.eq(a.version, attempt.version))
      .go();
    attempt = { ...attempt, ...set, version: attempt.version + 1 };
  }
  return startFaceCheck(services, whoFor(services, attempt), 'session.login', 'platform');
}

export async function completeLoginFaceCheck(
  services: Services,
  input: { loginId: string; loginSecret?: string; ticketId: string; passed?: boolean },
) {
  const attempt = await openLoginAttempt(services.db, input.loginId, input.loginSecret, services.now());
  if (!attempt.idNumberSealed) throw new DomainError('FACE_TICKET_INVALID');
  return completeFaceCheck(services, whoFor(services, attempt), input.ticketId, input.passed);
}
