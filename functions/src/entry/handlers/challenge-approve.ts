import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { pinKeys } from '../../composition/pin-keys';
import { approveChallenge } from '../../domain/challenge/approve-challenge';

/** POST /v1/challenges/{challengeId}/approve — face ticket (login, UKey) or signing PIN (sign). */
export const handler = defineHandler(routes.challengeApprove, {
  ports: [pinKeys],
  async run(ctx) {
    return { body: await approveChallenge(ctx.services, { challengeId: ctx.params.challengeId, actor: await ctx.actor(), ...ctx.body }) };
  },
});
