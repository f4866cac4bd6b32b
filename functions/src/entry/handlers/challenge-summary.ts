import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { readChallengeSummary } from '../../domain/challenge/read-challenge';

/** GET /v1/challenges/{challengeId} — what the phone is about to approve. */
export const handler = defineHandler(routes.challengeSummary, {
  async run(ctx) {
    return { body: await readChallengeSummary(ctx.services, { challengeId: ctx.params.challengeId, actor: await ctx.actor() }) };
  },
});
