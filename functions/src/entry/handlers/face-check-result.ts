import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { idNumbers } from '../../composition/id-numbers';
import { faceVerifier } from '../../composition/face-verifier';
import { completeFaceCheck } from '../../domain/identity/face-check';
import { personAsFaceSubject } from '../../domain/identity/person-face-check';

/** POST /v1/face-checks/{ticketId}/result — simulated: the screen's pass/fail; WeChat: queryverifyinfo. */
export const handler = defineHandler(routes.faceCheckResult, {
  ports: [idNumbers, faceVerifier],
  async run(ctx) {
    const who = await personAsFaceSubject(ctx.services, ctx.personId());
    return { body: await completeFaceCheck(ctx.services, who, ctx.params.ticketId, ctx.body.passed) };
  },
});
