import { authorize, canSign, SEAL_KIND_LABELS, SEAL_STATE_LABELS, type SealKind, type SealState } from '../../../domain';
import { actorOf, hasClaimed, myCompanies, type Me } from '../../../services/me';
import { fetchCompanySeals } from '../../../services/seals';

export interface SignableSeal {
  sealId: string;
  companyId: string;
  companyName: string;
  name: string;
  kind: SealKind;
  state: SealState;
  /** Only active and renewal-due seals sign (the shared seal machine). */
  usable: boolean;
  /** Why the seal cannot sign now, e.g. 已冻结. */
  note?: string;
}

/**
 * The seals I may sign with in a company: permission `seal.sign` from the shared matrix, a seal I
 * claimed on this phone, then the seal machine's verdict on its state. The API decides again.
 */
export async function loadSignableSeals(me: Me, companyId: string): Promise<SignableSeal[]> {
  const actor = actorOf(me);
  const { company, seals } = await fetchCompanySeals(companyId);
  return seals
    .filter((s) => authorize(actor, 'seal.sign', { companyId, sealIds: [s.sealId] }).allowed && hasClaimed(me, s.sealId))
    .map((s) => {
      const state = s.state as SealState;
      const usable = canSign(state);
      return {
        sealId: s.sealId,
        companyId,
        companyName: company.name,
        name: s.name || SEAL_KIND_LABELS[s.kind as SealKind],
        kind: s.kind as SealKind,
        state,
        usable,
        note: usable ? undefined : SEAL_STATE_LABELS[state],
      };
    });
}

/** The companies I can sign for: as legal representative or through a grant. */
export function signingCompanies(me: Me) {
  return myCompanies(me);
}
