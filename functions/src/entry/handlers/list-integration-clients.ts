import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { listClients } from '../../domain/integration/manage-client';

/** GET /v1/companies/{companyId}/integration/clients: the company's API credentials (never secrets). */
export const handler = defineHandler(routes.listIntegrationClients, {
  async run(ctx) {
    return { body: { items: await listClients(ctx.services, ctx.params.companyId, await ctx.actor()) } };
  },
});
