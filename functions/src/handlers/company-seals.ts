import { grantDto } from '@seal/shared';
import { defineHandler } from '../http/define-handler';
import { visibleSeals } from '../identity/visible-seals';

/** GET /v1/companies/{companyId}/seals — the seals the caller may see, with the actions they may take. */
export const handler = defineHandler({
  name: 'company-seals',
  params: grantDto.CompanyParams,
  async run(ctx) {
    return { body: await visibleSeals(ctx.services.db, await ctx.actor(), ctx.params.companyId) };
  },
});
