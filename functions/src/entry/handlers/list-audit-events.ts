import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { listTrail } from '../../domain/audit/list-trail';

/** GET /v1/companies/{companyId}/audit/events — 审计记录, newest first (`audit.view`). */
export const handler = defineHandler(routes.listAuditEvents, {
  async run({ params, query, services, actor }) {
    return { body: await listTrail(services.store, { actor: await actor(), companyId: params.companyId, query }) };
  },
});
