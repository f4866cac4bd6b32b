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
    endReason: g.endReason,
  };
}

/** How long a grant that ended stays listed to its grantee, so they learn why they lost seals. */
const ENDED_SHOWN_DAYS = 90;

/**
 * 我的 → 授权管理: the active grants this person may cancel (the permission matrix decides, grant by
 * grant), the active grants made to them, and those made to them that ended lately, with the reason.
 */
export async function listGrants(store: SealStore, actor: Actor, now: Date = new Date()) {
  const personId = actor.personId!;
  const companyIds = [
    ...new Set([...actor.legalRepresentativeOf, ...actor.grants.filter((g) => g.role === 'seal_administrator').map((g) => g.companyId)]),
  ];
  const [held, ...perCompany] = await Promise.all([grantsOfPerson(store, personId, { ended: true }), ...companyIds.map((companyId) => store.grants.ofCompany(companyId))]);
  const managed = perCompany
    .flat()
    .filter((g) => g.state === 'active' && g.granteeId !== personId)
    .filter((g) => authorize(actor, cancelActionFor(g.role), { companyId: g.companyId, sealIds: g.sealIds }).allowed);
  const heldActive = held.filter((g) => g.state === 'active');
  const since = new Date(now.getTime() - ENDED_SHOWN_DAYS * 86_400_000).toISOString();
  const ended = held.filter((g) => g.state !== 'active' && g.endedAt && g.endedAt >= since).sort((a, b) => (b.endedAt! < a.endedAt! ? -1 : 1));
  const allCompanyIds = [...new Set([...managed, ...heldActive, ...ended].map((g) => g.companyId))];
  const companies = await store.companies.getMany(allCompanyIds);
  const names = new Map(companies.map((c) => [c.companyId, c.name]));
  return {
    managed: managed.map((g) => view(g, names)),
    held: heldActive.map((g) => view(g, names)),
    ended: ended.map((g) => view(g, names)),
  };
}
