import { DomainError, authorize, sealDto } from '@seal/shared';
import { defineHandler } from '../../http/define-handler';
import { verifyCompanyChain } from '../../domain/audit/verify-company-chain';

/** GET /v1/staff/companies/{companyId}/audit/verify (window staff) — re-hash the company's audit chain (`audit.verify`). */
export const handler = defineHandler({
  name: 'staff-verify-audit-chain',
  params: sealDto.CompanyIdParams,
  async run({ params, services, actor }) {
    if (!authorize(await actor(), 'audit.verify', { companyId: params.companyId }).allowed) throw new DomainError('NOT_AUTHORIZED');
    return { body: await verifyCompanyChain(services.store, params.companyId) };
  },
});
