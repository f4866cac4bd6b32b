import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { registry } from '../../composition/registry';
import { visibleSeals } from '../../domain/identity/visible-seals';
import { loadCompany } from '../../domain/company/company-lookup';

/** GET /v1/companies/{companyId}/seals — the seals the caller may see, with the actions they may take. */
export const handler = defineHandler(routes.companySeals, {
  ports: [blobs, registry],
  async run(ctx) {
    // The first look-up of a newly registered company imports it and makes its four starter seals
    // (idempotent). Before the permission check: whether the caller is its legal representative
    // is read from that very copy.
    await loadCompany(ctx.services, ctx.params.companyId);
    return { body: await visibleSeals(ctx.services.store, await ctx.actor(), ctx.params.companyId) };
  },
});
