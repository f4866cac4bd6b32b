import { challengeDto } from '@seal/shared';
import { defineHandler } from '../../http/define-handler';
import { pollChallenge } from '../../domain/challenge/poll-challenge';

/** POST /v1/challenges/{challengeId}/poll — only the desktop with the secret learns the outcome. */
export const handler = defineHandler({
  name: 'challenge-poll',
  params: challengeDto.ChallengeParams,
  body: challengeDto.PollChallengeRequest,
  async run({ params, body, services }) {
    return { body: await pollChallenge(services, { challengeId: params.challengeId, desktopSecret: body.desktopSecret }) };
  },
});
