import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { verifyCompanyChain } from '../../domain/audit/verify-company-chain';

/** GET /v1/staff/companies/{companyId}/audit/verify (window staff) — re-hash the company's audit chain (`audit.verify`). */
export const handler = defineHandler(routes.staffVerifyAuditChain, {
  async run({ params, services, actor }) {
    if (!authorize(await actor(), 'audit.verify', { companyId: params.companyId }).allowed) throw new DomainError('NOT_AUTHORIZED');
    return { body: await verifyCompanyChain(services.store, params.companyId) };
  },
});
