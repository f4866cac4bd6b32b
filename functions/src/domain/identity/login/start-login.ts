import type { Services } from '../../../composition';
import { wechatAuthFor } from '../../../adapters/wechat';
import { newId, newSecret } from '../secrets';
import { rateLimit } from '../rate-limit';

const LOGIN_TTL_SECONDS = 10 * 60;

/**
 * Step 1 of phone login: exchange the `wx.login` code for the openid (code2session) and open a
 * login attempt. If the openid is bound to a verified person, the face check will be theirs.
 */
export async function startLogin(services: Services, code: string, clientIp = 'unknown') {
  const now = services.now();
  await rateLimit(services.db, { key: `login:${clientIp}`, limit: 30, windowSeconds: 60, now });
  const { openid } = await wechatAuthFor().code2session(code);
  const { data: binding } = await services.db.entities.wechatBinding.get({ openid }).go();
  const person = binding ? (await services.db.entities.person.get({ personId: binding.personId }).go()).data : null;
  const loginId = newId('login');
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + LOGIN_TTL_SECONDS * 1000).toISOString();
  await services.db.entities.loginAttempt
    .create({
      loginId,
      openid,
      secretHash: hash,
      personId: person?.personId,
      name: person?.name,
      idNumberMasked: person?.idNumberMasked,
      state: 'started',
      expiresAt,
      ttl: Math.floor(now.getTime() / 1000) + LOGIN_TTL_SECONDS + 3600,
    })
    .go();
  return {
    loginId,
    loginSecret: secret,
    identity: person ? { name: person.name, idNumberMasked: person.idNumberMasked } : null,
    expiresAt,
  };
}
