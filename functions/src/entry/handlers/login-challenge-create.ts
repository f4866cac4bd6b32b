import { defineHandler } from '../../http/define-handler';
import { createLoginChallenge } from '../../domain/challenge/create-challenge';

/** POST /v1/login-challenges — the desktop's 扫码登录 QR code (public, rate-limited). */
export const handler = defineHandler({
  name: 'login-challenge-create',
  async run({ services, client }) {
    return { status: 201, body: await createLoginChallenge(services, client) };
  },
});
