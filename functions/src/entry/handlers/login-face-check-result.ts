import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { idNumbers } from '../../composition/id-numbers';
import { faceVerifier } from '../../composition/face-verifier';
import { completeLoginFaceCheck } from '../../domain/identity/login/login-face-check';

/** POST /v1/login/{loginId}/face-checks/{ticketId}/result — pass/fail of the login face check. */
export const handler = defineHandler(routes.loginFaceCheckResult, {
  ports: [idNumbers, faceVerifier],
  async run({ params, body, services }) {
    return {
      body: await completeLoginFaceCheck(services, {
        loginId: params.loginId,
        ticketId: params.ticketId,
        loginSecret: body.loginSecret,
        passed: body.passed,
      }),
    };
  },
});
