import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { verifyPassword } from './password';
import { issueSession } from './issue-session';
import { rateLimit } from './rate-limit';

/** Window staff sign in with username + password (scrypt); the same answer for any failure. */
export async function staffLogin(services: Ports, input: { username: string; password: string }, clientIp = 'unknown') {
  const now = services.now();
  await rateLimit(services.store, { key: `staff-login:${clientIp}`, limit: 10, windowSeconds: 60, now });
  const account = await services.store.staffAccounts.get(input.username);
  const ok = account && account.state === 'active' && (await verifyPassword(input.password, account.passwordHash));
  if (!account || !ok) throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
  return issueSession(services, account.personId, 'staff');
}
