import { DomainError } from '@seal/shared';
import type { SealStore } from '../../../ports/seal-store';
import { secretMatches } from '../secrets';

/** A login attempt, only for the phone holding its secret, only while it lasts. */
export async function openLoginAttempt(store: SealStore, loginId: string, loginSecret: string | undefined, now: Date) {
  const data = await store.loginAttempts.get(loginId);
  // Unknown id and wrong secret answer alike: a guesser learns nothing.
  if (!data || !secretMatches(loginSecret, data.secretHash)) throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录');
  if (data.state !== 'started' || data.expiresAt <= now.toISOString()) throw new DomainError('SESSION_EXPIRED', '登录已失效，请重新登录');
  return data;
}

export const loginSubject = (loginId: string) => `login:${loginId}`;
