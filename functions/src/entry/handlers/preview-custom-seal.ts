import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { registry } from '../../composition/registry';
import { loadCompany } from '../../domain/company/company-lookup';
import { templateSealSvg } from '../../engines/forms/seal-preview';

/** POST /v1/companies/{companyId}/custom-seals/preview: how a template custom seal will look (SVG). */
export const handler = defineHandler(routes.previewCustomSeal, {
  ports: [registry],
  async run(ctx) {
    const company = await loadCompany(ctx.services, ctx.params.companyId);
    if (!authorize(await ctx.actor(), 'custom_seal.apply', { companyId: company.companyId }).allowed) throw new DomainError('NOT_AUTHORIZED');
    if (company.integration !== 'approved') throw new DomainError('INTEGRATION_REQUIRED');
    const svg = templateSealSvg({ template: ctx.body.template, companyName: company.name, sealName: ctx.body.sealName, creditCode: company.companyId });
    return { binary: Buffer.from(svg, 'utf8'), contentType: 'image/svg+xml' };
  },
});
