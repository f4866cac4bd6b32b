import { DomainError, maskIdNumber } from '@seal/shared';
import type { Ports } from '../../../ports';
import { completeFaceCheck, startFaceCheck, type FaceCheckWho } from '../face-check';
import { personIdFor } from '../person-id';
import { loginSubject, openLoginAttempt } from './login-attempt';

type Attempt = Awaited<ReturnType<typeof openLoginAttempt>>;

function whoFor(services: Ports, attempt: Attempt): FaceCheckWho {
  const subject = loginSubject(attempt.loginId);
  return {
    subject,
    name: attempt.name!,
    idNumberMasked: attempt.idNumberMasked!,
    openid: attempt.openid,
    idNumber: () => services.idNumbers.open(subject, attempt.idNumberSealed!),
    // Per WeChat account, not per person named: naming someone must not use up their logins.
    charges: [{ quota: 'faceCheck.login', subject: attempt.openid }],
  };
}

/**
 * Step 2: the login face check. A bound openid is checked against its person; an unbound one
 * names a person (name + ID number) the first time, and the face check decides whether it is them.
 */
export async function startLoginFaceCheck(
  services: Ports,
  input: { loginId: string; loginSecret: string; name?: string; idNumber?: string },
) {
  const now = services.now();
  let attempt = await openLoginAttempt(services.store, input.loginId, input.loginSecret, now);
  const subject = loginSubject(attempt.loginId);
  if (!attempt.idNumberSealed) {
    let idNumber = input.idNumber;
    let name = input.name;
    if (attempt.personId) {
      // Bound person: their ID number was sealed on them at their first login.
      const person = await services.store.people.get(attempt.personId);
      if (!person?.idNumberSealed) throw new DomainError('FACE_CHECK_FAILED');
      idNumber = await services.idNumbers.open(person.personId, person.idNumberSealed);
      name = person.name;
    }
    if (!name || !idNumber) throw new DomainError('VALIDATION_FAILED', '首次登录请填写姓名和身份证号码');
    const set = {
      name,
      idNumberMasked: maskIdNumber(idNumber),
      personId: personIdFor(idNumber),
      idNumberSealed: await services.idNumbers.seal(subject, idNumber),
    };
    // Another face check of this login named its person first: start over rather than overwrite it.
    if (!(await services.store.loginAttempts.nameSubject(attempt, set))) throw new DomainError('CONFLICT');
    attempt = { ...attempt, ...set, version: attempt.version + 1 };
  }
  return startFaceCheck(services, whoFor(services, attempt), 'session.login', 'platform');
}

export async function completeLoginFaceCheck(
  services: Ports,
  input: { loginId: string; loginSecret?: string; ticketId: string; passed?: boolean },
) {
  const attempt = await openLoginAttempt(services.store, input.loginId, input.loginSecret, services.now());
  if (!attempt.idNumberSealed) throw new DomainError('FACE_TICKET_INVALID');
  return completeFaceCheck(services, whoFor(services, attempt), input.ticketId, input.passed);
}
