import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { rejectChallenge } from '../../domain/challenge/approve-challenge';

/** POST /v1/challenges/{challengeId}/reject */
export const handler = defineHandler(routes.challengeReject, {
  async run(ctx) {
    return { body: await rejectChallenge(ctx.services, { challengeId: ctx.params.challengeId, actor: await ctx.actor() }) };
  },
});
