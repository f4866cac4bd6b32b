import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { verifyPassword } from './password';
import { issueSession } from './issue-session';
import { spendQuota } from '../quota/spend-quota';

/** Window staff sign in with username + password (scrypt); the same answer for any failure. */
export async function staffLogin(services: Ports, input: { username: string; password: string }, clientIp = 'unknown') {
  const now = services.now();
  await spendQuota(services.store, 'staffLogin.ip', clientIp, now);
  const account = await services.store.staffAccounts.get(input.username);
  const ok = account && account.state === 'active' && (await verifyPassword(input.password, account.passwordHash));
  if (!account || !ok) throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
  return issueSession(services, account.personId, 'staff');
}
