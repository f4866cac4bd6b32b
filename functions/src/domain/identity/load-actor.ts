import type { Actor } from '@seal/shared';
import type { CompanyRecord, GrantRecord, PersonRecord, SealStore } from '../../ports/seal-store';
import { grantsOfPerson } from './grants-of-person';

/** What a person is to the platform: the permission matrix's actor and the records it was read from. */
export interface Standing {
  actor: Actor;
  /** Every company they are legal representative of (any status; the actor keeps the active ones). */
  companies: CompanyRecord[];
  /** Their active grants (those naming them as their own face check verified them). */
  grants: GrantRecord[];
}

/**
 * Who a person is to the permission matrix, read fresh on every request: the companies whose
 * legal representative they are, and their active grants (those naming them as their own face
 * check verified them). Reading grants per request is what makes 取消授权 take effect at once.
 * `person`: the person's record when the request already read it (the session check did).
 */
export async function loadStanding(store: SealStore, personId: string, person?: PersonRecord): Promise<Standing> {
  const [companies, grants] = await Promise.all([store.companies.ofLegalRepresentative(personId), grantsOfPerson(store, personId, { person })]);
  return {
    actor: {
      personId,
      legalRepresentativeOf: companies.filter((c) => c.status === 'active').map((c) => c.companyId),
      grants: grants.map((g) => ({ companyId: g.companyId, role: g.role, sealIds: g.sealIds })),
    },
    companies,
    grants,
  };
}

export async function loadActor(store: SealStore, personId: string, extra: Partial<Actor> = {}, person?: PersonRecord): Promise<Actor> {
  return { ...(await loadStanding(store, personId, person)).actor, ...extra };
}
