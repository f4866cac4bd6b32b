import * as z from 'zod/mini';
import { fields, identityDto } from '@seal/shared';
import { defineHandler } from '../../http/define-handler';
import { completeLoginFaceCheck } from '../../domain/identity/login/login-face-check';

/** POST /v1/login/{loginId}/face-checks/{ticketId}/result — pass/fail of the login face check. */
export const handler = defineHandler({
  name: 'login-face-check-result',
  params: z.object({ loginId: fields.id, ticketId: fields.id }),
  body: identityDto.FaceCheckResultRequest,
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
