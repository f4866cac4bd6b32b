import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { createLoginChallenge } from '../../domain/challenge/create-challenge';

/** POST /v1/login-challenges — the desktop's 扫码登录 QR code (public, rate-limited). */
export const handler = defineHandler(routes.loginChallengeCreate, {
  async run({ services, client }) {
    return { status: 201, body: await createLoginChallenge(services, client) };
  },
});
