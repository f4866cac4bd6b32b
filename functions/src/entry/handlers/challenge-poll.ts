import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { pollChallenge } from '../../domain/challenge/poll-challenge';

/** POST /v1/challenges/{challengeId}/poll — only the desktop with the secret learns the outcome. */
export const handler = defineHandler(routes.challengePoll, {
  async run({ params, body, services }) {
    return { body: await pollChallenge(services, { challengeId: params.challengeId, desktopSecret: body.desktopSecret }) };
  },
});
