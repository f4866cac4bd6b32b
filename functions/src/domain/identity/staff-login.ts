import { DomainError } from '@seal/shared';
import type { Services } from '../../composition';
import { verifyPassword } from './password';
import { issueSession } from './issue-session';
import { rateLimit } from './rate-limit';

/** Window staff sign in with username + password (scrypt); the same answer for any failure. */
export async function staffLogin(services: Services, input: { username: string; password: string }, clientIp = 'unknown') {
  const now = services.now();
  await rateLimit(services.db, { key: `staff-login:${clientIp}`, limit: 10, windowSeconds: 60, now });
  const { data: account } = await services.db.entities.staffAccount.get({ username: input.username }).go();
  const ok = account && account.state === 'active' && (await verifyPassword(input.password, account.passwordHash));
  if (!account || !ok) throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
  return issueSession(services, account.personId, 'staff');
}
