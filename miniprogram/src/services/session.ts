import type { identityDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call, clearSessionToken, faceCheck, login, saveSessionToken } from '../platform';

/** A login in progress: the secret lives in memory only, for the few minutes the login takes. */
export interface PhoneLogin {
  loginId: string;
  loginSecret: string;
  /** The person this WeChat account is bound to; null on a first login (name + ID number needed). */
  identity: identityDto.IdentityView | null;
}

/** 登录 step 1: the WeChat code (H5: the chosen test identity) opens a login attempt. */
export async function startPhoneLogin(): Promise<PhoneLogin> {
  const { code } = await login();
  const started = await call(routes.loginWechat, { body: { code } });
  return { loginId: started.loginId, loginSecret: started.loginSecret, identity: started.identity };
}

/**
 * 登录 steps 2-3: the face check of the bound person (or of the person named the first time),
 * then the session. The ID number is sent once and never kept.
 */
export async function finishPhoneLogin(
  attempt: PhoneLogin,
  firstTime?: { name: string; idNumber: string },
): Promise<identityDto.SessionResponse> {
  const { loginId, loginSecret } = attempt;
  const started = await call(routes.loginFaceCheckStart, { params: { loginId }, body: { loginSecret, ...(firstTime ?? {}) } });
  const outcome = await faceCheck({ verifyId: started.verifyId, personName: started.identity.name });
  await call(routes.loginFaceCheckResult, {
    params: { loginId, ticketId: started.ticketId },
    body: { loginSecret, ...(outcome.simulatedOutcome ? { passed: outcome.simulatedOutcome === 'pass' } : {}) },
  });
  const session = await call(routes.loginSession, { params: { loginId }, body: { loginSecret, faceTicket: started.ticketId } });
  saveSessionToken(session.token);
  return session;
}

/** 退出登录: ends the session on the server (every device), then forgets the token here. */
export async function logout(): Promise<void> {
  try {
    await call(routes.logout);
  } finally {
    clearSessionToken();
  }
}
