import type { identityDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import type { Actor } from '../domain';
import { call } from '../platform';

export type Me = identityDto.MeResponse;

/** 我的: who I am, my companies (legal representative), my grants, the seals I claimed. */
export function fetchMe(): Promise<Me> {
  return call(routes.me);
}

/** The permission matrix's view of me, built from `routes.me`: the UI asks `authorize` with it. */
export function actorOf(me: Me): Actor {
  return {
    personId: me.person.personId,
    legalRepresentativeOf: me.companies.filter((c) => c.status === 'active').map((c) => c.companyId),
    grants: me.grants.map((g) => ({ companyId: g.companyId, role: g.role, sealIds: g.sealIds })),
  };
}

export interface CompanyChoice {
  companyId: string;
  name: string;
}

/** Every company I act for: as legal representative first, then through grants. */
export function myCompanies(me: Me): CompanyChoice[] {
  const seen = new Map<string, string>();
  for (const c of me.companies) seen.set(c.companyId, c.name);
  for (const g of me.grants) if (!seen.has(g.companyId)) seen.set(g.companyId, g.companyName);
  return [...seen].map(([companyId, name]) => ({ companyId, name }));
}

/** Have I claimed this seal (a credential of mine exists and is not retired)? */
export function hasClaimed(me: Me, sealId: string): boolean {
  return me.credentials.some((c) => c.sealId === sealId && c.state !== 'revoked' && c.state !== 'superseded');
}
