import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { loginWithUkey } from '../../domain/identity/login/ukey-login';

/** POST /v1/login/ukey — UKey登录: the token's signature over the challenge → a desktop session (decision 0185). */
export const handler = defineHandler(routes.loginUkey, {
  async run({ services, body, client }) {
    return { status: 201, body: await loginWithUkey(services, { ...body, client }) };
  },
});
