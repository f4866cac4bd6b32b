import type { Ports } from '../../../ports';
import { newId, newSecret } from '../secrets';
import { spendQuota } from '../../quota/spend-quota';

const LOGIN_TTL_SECONDS = 10 * 60;

/**
 * Step 1 of phone login: exchange the `wx.login` code for the openid (code2session) and open a
 * login attempt. If the openid is bound to a verified person, the face check will be theirs.
 */
export async function startLogin(services: Ports, code: string, clientIp = 'unknown') {
  const now = services.now();
  await spendQuota(services.store, 'login.ip', clientIp, now);
  const { openid } = await services.wechatAuth.code2session(code);
  const binding = await services.store.wechatBindings.get(openid);
  const person = binding ? await services.store.people.get(binding.personId) : undefined;
  const loginId = newId('login');
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + LOGIN_TTL_SECONDS * 1000).toISOString();
  await services.store.loginAttempts.create({
    loginId,
    openid,
    secretHash: hash,
    personId: person?.personId,
    name: person?.name,
    idNumberMasked: person?.idNumberMasked,
    state: 'started',
    expiresAt,
    ttl: Math.floor(now.getTime() / 1000) + LOGIN_TTL_SECONDS + 3600,
  });
  return {
    loginId,
    loginSecret: secret,
    identity: person ? { name: person.name, idNumberMasked: person.idNumberMasked } : null,
    expiresAt,
  };
}
