import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { wechatAuth } from '../../composition/wechat-auth';
import { startLogin } from '../../domain/identity/login/start-login';

/** POST /v1/login/wechat — the `wx.login` code → a login attempt (face check next). */
export const handler = defineHandler(routes.loginWechat, {
  ports: [wechatAuth],
  async run({ body, services, client }) {
    return { status: 201, body: await startLogin(services, body.code, client.ip) };
  },
});
