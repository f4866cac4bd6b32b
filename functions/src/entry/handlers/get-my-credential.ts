import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { platformKeys } from '../../composition/platform-keys';
import { credentialsOfSeal } from '../../domain/credential/find-credential';
import { loadSeal } from '../../domain/seal/load-seal';
import { credentialView, sealView } from '../../domain/seal/views';

/** GET /v1/seals/{sealId}/credential — the caller's own credential of a seal and its certificate. */
export const handler = defineHandler(routes.getMyCredential, {
  ports: [platformKeys],
  async run({ params, services, actor, personId }) {
    const seal = await loadSeal(services.store, params.sealId);
    if (!authorize(await actor(), 'seal.view', { companyId: seal.companyId, sealIds: [seal.sealId] }).allowed) throw new DomainError('NOT_AUTHORIZED');
    const mine = (await credentialsOfSeal(services.store, seal.sealId)).filter((c) => c.personId === personId());
    const current = mine.find((c) => c.state === 'active' || c.state === 'locked') ?? mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (!current) throw new DomainError('CREDENTIAL_NOT_FOUND');
    return { body: { seal: sealView(seal), credential: credentialView(current) } };
  },
});
