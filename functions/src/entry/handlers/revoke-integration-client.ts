import { applicationDto } from '@seal/shared';
import { defineHandler } from '../../http/define-handler';
import { revokeClient } from '../../domain/integration/manage-client';

/** POST …/integration/clients/{clientId}/revoke: the client's secret stops working at once. */
export const handler = defineHandler({
  name: 'revoke-integration-client',
  params: applicationDto.IntegrationClientParams,
  body: applicationDto.ManageCredentialsRequest,
  async run(ctx) {
    await revokeClient(ctx.services, { ...ctx.params, personId: ctx.personId(), actor: await ctx.actor(), faceTicket: ctx.body.faceTicket });
    return { body: { clientId: ctx.params.clientId, state: 'revoked' } };
  },
});
