import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { idNumbers } from '../../composition/id-numbers';
import { finishLogin } from '../../domain/identity/login/finish-login';

/** POST /v1/login/{loginId}/session — the passed login face ticket → a phone session. */
export const handler = defineHandler(routes.loginSession, {
  ports: [idNumbers],
  async run({ params, body, services }) {
    return { status: 201, body: await finishLogin(services, { loginId: params.loginId, ...body }) };
  },
});
