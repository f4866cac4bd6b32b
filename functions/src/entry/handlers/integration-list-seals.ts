import { DEFAULT_SEAL_ALGORITHM, DomainError, authorize, type applicationDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { verifiers } from '../../http/authenticate';
import { verifyIntegrationRequest } from '../../domain/integration/verify-integration-request';

// Auth mode `integration`: HTTP Basic with the client's id and secret (decision 0014).
verifiers.integration = verifyIntegrationRequest;

/** GET /v1/integration/seals: an integrated system lists its company's seals (HTTP Basic credentials). */
export const handler = defineHandler(routes.integrationListSeals, {
  async run(ctx) {
    if (ctx.principal.mode !== 'integration') throw new DomainError('UNAUTHENTICATED');
    const companyId = ctx.principal.subject;
    if (!authorize(await ctx.actor(), 'integration.view_seals', { companyId }).allowed) throw new DomainError('NOT_AUTHORIZED');
    const data = await ctx.services.store.seals.ofCompany(companyId);
    const seals: applicationDto.SealSummary[] = data.map((s) => ({ sealId: s.sealId, companyId: s.companyId, kind: s.kind, name: s.name, state: s.state, algorithm: s.algorithm ?? DEFAULT_SEAL_ALGORITHM, createdAt: s.createdAt }));
    return { body: { companyId, seals } };
  },
});
