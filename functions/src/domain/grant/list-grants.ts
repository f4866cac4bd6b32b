import { authorize, type Actor } from '@seal/shared';
import type { GrantRecord, SealStore } from '../../ports/seal-store';
import { cancelActionFor } from './grant-actions';
import { grantsOfPerson } from '../identity/grants-of-person';

function view(g: GrantRecord, companyNames: Map<string, string>) {
  return {
    grantId: g.grantId,
    companyId: g.companyId,
    companyName: companyNames.get(g.companyId),
    role: g.role,
    sealIds: g.sealIds,
    granteeId: g.granteeId,
    granteeName: g.granteeName,
    grantorId: g.grantorId,
    medium: g.medium,
    state: g.state,
    createdAt: g.createdAt,
    endedAt: g.endedAt,
  };
}

/**
 * 我的 → 授权管理: the active grants this person may cancel (the permission matrix decides, grant by
 * grant) and the active grants made to them.
 */
export async function listGrants(store: SealStore, actor: Actor) {
  const personId = actor.personId!;
  const companyIds = [
    ...new Set([...actor.legalRepresentativeOf, ...actor.grants.filter((g) => g.role === 'seal_administrator').map((g) => g.companyId)]),
  ];
  const [held, ...perCompany] = await Promise.all([grantsOfPerson(store, personId), ...companyIds.map((companyId) => store.grants.ofCompany(companyId))]);
  const managed = perCompany
    .flat()
    .filter((g) => g.state === 'active' && g.granteeId !== personId)
    .filter((g) => authorize(actor, cancelActionFor(g.role), { companyId: g.companyId, sealIds: g.sealIds }).allowed);
  const allCompanyIds = [...new Set([...managed, ...held].map((g) => g.companyId))];
  const companies = await store.companies.getMany(allCompanyIds);
  const names = new Map(companies.map((c) => [c.companyId, c.name]));
  return { managed: managed.map((g) => view(g, names)), held: held.map((g) => view(g, names)) };
}
