import type { Actor } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { getPerson } from './people';
import { grantsOfPerson } from './grants-of-person';

/** 我的: who I am, my companies as legal representative, my active grants, the seals I claimed. */
export async function whoAmI(store: SealStore, actor: Actor) {
  const personId = actor.personId!;
  const [person, companies, grants, credentials] = await Promise.all([
    getPerson(store, personId),
    store.companies.ofLegalRepresentative(personId),
    grantsOfPerson(store, personId),
    store.credentials.ofPerson(personId),
  ]);
  const grantCompanies = await store.companies.getMany([...new Set(grants.map((g) => g.companyId))]);
  const names = new Map(grantCompanies.map((c) => [c.companyId, c.name]));
  return {
    person: { personId, name: person.name, idNumberMasked: person.idNumberMasked, phone: person.phone },
    companies: companies.map((c) => ({ companyId: c.companyId, name: c.name, type: c.type, status: c.status })),
    grants: grants.map((g) => ({
      grantId: g.grantId,
      companyId: g.companyId,
      companyName: names.get(g.companyId) ?? g.companyId,
      role: g.role,
      sealIds: g.sealIds,
    })),
    credentials: credentials.map((c) => ({
      sealId: c.sealId,
      credentialId: c.credentialId,
      companyId: c.companyId,
      state: c.state,
      medium: c.medium,
    })),
  };
}
