import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { revokeClient } from '../../domain/integration/manage-client';

/** POST …/integration/clients/{clientId}/revoke: the client's secret stops working at once. */
export const handler = defineHandler(routes.revokeIntegrationClient, {
  async run(ctx) {
    await revokeClient(ctx.services, { ...ctx.params, personId: ctx.personId(), actor: await ctx.actor(), faceTicket: ctx.body.faceTicket });
    return { body: { clientId: ctx.params.clientId, state: 'revoked' as const } };
  },
});
