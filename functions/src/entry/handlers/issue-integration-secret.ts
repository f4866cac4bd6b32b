import { applicationDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { issueClientSecret } from '../../domain/integration/manage-client';

/** POST …/integration/clients/{clientId}/secret: issue or rotate the secret; shown this once. */
export const handler = defineHandler(routes.issueIntegrationSecret, {
  async run(ctx) {
    const body: applicationDto.IssuedSecretResponse = await issueClientSecret(ctx.services, {
      ...ctx.params,
      personId: ctx.personId(),
      actor: await ctx.actor(),
      faceTicket: ctx.body.faceTicket,
    });
    return { status: 201, body };
  },
});
