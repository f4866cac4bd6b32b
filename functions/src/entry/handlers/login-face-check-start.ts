import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { idNumbers } from '../../composition/id-numbers';
import { faceVerifier } from '../../composition/face-verifier';
import { startLoginFaceCheck } from '../../domain/identity/login/login-face-check';

/** POST /v1/login/{loginId}/face-checks — the login's face check (bound to the attempt, not a person). */
export const handler = defineHandler(routes.loginFaceCheckStart, {
  ports: [idNumbers, faceVerifier],
  async run({ params, body, services }) {
    return { status: 201, body: await startLoginFaceCheck(services, { loginId: params.loginId, ...body }) };
  },
});
