import { hasClaimed, type Me } from '../../../services/me';
import { companiesFor } from '../../../services/permissions';
import { fetchCompanySeals, type VisibleSeal } from '../../../services/seals';

export interface ClaimableSeal extends VisibleSeal {
  companyId: string;
  companyName: string;
}

/** Seals I may claim and have not: the API lists `claim` among a seal's actions for me. */
export async function fetchClaimableSeals(me: Me): Promise<ClaimableSeal[]> {
  const lists = await Promise.all(companiesFor(me, 'seal.claim').map((c) => fetchCompanySeals(c.companyId)));
  return lists.flatMap(({ company, seals }) =>
    seals
      .filter((s) => s.actions.some((a) => a.event === 'claim') && !hasClaimed(me, s.sealId))
      .map((s) => ({ ...s, companyId: company.companyId, companyName: company.name })),
  );
}
