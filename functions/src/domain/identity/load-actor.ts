import type { Actor } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { grantsOfPerson } from './grants-of-person';

/**
 * Who a person is to the permission matrix, read fresh on every request: the companies whose
 * legal representative they are, and their active grants (those naming them as their own face
 * check verified them). Reading grants per request is what makes 取消授权 take effect at once.
 */
export async function loadActor(store: SealStore, personId: string, extra: Partial<Actor> = {}): Promise<Actor> {
  const [companies, grants] = await Promise.all([store.companies.ofLegalRepresentative(personId), grantsOfPerson(store, personId)]);
  return {
    personId,
    legalRepresentativeOf: companies.filter((c) => c.status === 'active').map((c) => c.companyId),
    grants: grants.map((g) => ({ companyId: g.companyId, role: g.role, sealIds: g.sealIds })),
    ...extra,
  };
}
