import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { createSealChallenge } from '../../domain/challenge/create-challenge';

/** POST /v1/challenges — a logged-in desktop's QR code for UKey binding/unbinding or signing. */
export const handler = defineHandler(routes.challengeCreate, {
  async run(ctx) {
    const { body } = ctx;
    return { status: 201, body: await createSealChallenge(ctx.services, { ...body, actor: await ctx.actor(), client: ctx.client }) };
  },
});
