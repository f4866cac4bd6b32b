import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { platformKeys } from '../../composition/platform-keys';
import { exportTrailPage } from '../../domain/audit/export-trail';

/** GET /v1/companies/{companyId}/audit/export — 导出审计记录, a page at a time (`audit.export`, audited). */
export const handler = defineHandler(routes.exportAuditTrail, {
  ports: [platformKeys],
  async run({ params, query, services, actor }) {
    return { body: await exportTrailPage(services, { actor: await actor(), companyId: params.companyId, query }) };
  },
});
