import type { Actor } from '@seal/shared';
import type { CompanyRecord, CredentialRecord, GrantRecord, PersonRecord, SealStore } from '../../ports/seal-store';
import { ownGrants } from './grants-of-person';

/** What a person is to the platform: the permission matrix's actor and the records it was read from. */
export interface Standing {
  actor: Actor;
  /** Every company they are legal representative of (any status; the actor keeps the active ones). */
  companies: CompanyRecord[];
  /** Their active grants (those naming them as their own face check verified them). */
  grants: GrantRecord[];
  /** Every credential they claimed (any state), read with the rest (decision 0205): the signing gate and 我的 use them. */
  credentials: CredentialRecord[];
}

/**
 * Who a person is to the permission matrix, read fresh on every request: the companies whose
 * legal representative they are, and their active grants (those naming them as their own face
 * check verified them). Reading grants per request is what makes 取消授权 take effect at once.
 * Companies, grants and credentials are filed under the person and come in one query (decision 0205).
 * `person`: the person's record when the request already read it (the session check did).
 */
export async function loadStanding(store: SealStore, personId: string, person?: PersonRecord): Promise<Standing> {
  const [{ companies, grants: naming, credentials }, who] = await Promise.all([store.recordsOf(personId), person ?? store.people.get(personId)]);
  const grants = ownGrants(who, naming);
  return {
    actor: {
      personId,
      legalRepresentativeOf: companies.filter((c) => c.status === 'active').map((c) => c.companyId),
      grants: grants.map((g) => ({ companyId: g.companyId, role: g.role, sealIds: g.sealIds })),
    },
    companies,
    grants,
    credentials,
  };
}

export async function loadActor(store: SealStore, personId: string, extra: Partial<Actor> = {}, person?: PersonRecord): Promise<Actor> {
  return { ...(await loadStanding(store, personId, person)).actor, ...extra };
}
