import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { createUkeyLoginChallenge } from '../../domain/identity/login/ukey-login';

/** POST /v1/login/ukey-challenges — UKey登录: a single-use challenge for the token to sign (public, rate-limited; decision 0185). */
export const handler = defineHandler(routes.loginUkeyChallenge, {
  async run({ services, client }) {
    return { status: 201, body: await createUkeyLoginChallenge(services, client) };
  },
});
