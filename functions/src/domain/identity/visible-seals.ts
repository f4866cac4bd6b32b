import { ACTIONS, DEFAULT_SEAL_ALGORITHM, DomainError, authorize, rolesOn, sealMachine, type Actor } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { sealDataSummary } from '../seal/seal-data';

/**
 * A company's seals as this person may see them (permission `seal.view`, seal by seal), each with
 * the seal-machine events the person's role may trigger from its current state: the UIs show only
 * these actions, and the handlers of those actions ask the same matrix again.
 */
export async function visibleSeals(store: SealStore, actor: Actor, companyId: string) {
  const company = await store.companies.get(companyId);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  if (!authorize(actor, 'seal.view', { companyId }).allowed) throw new DomainError('NOT_AUTHORIZED');
  const seals = await store.seals.ofCompany(companyId);
  const visible = seals.filter((s) => authorize(actor, 'seal.view', { companyId, sealIds: [s.sealId] }).allowed);
  return {
    company: { companyId, name: company.name, type: company.type, status: company.status },
    roles: rolesOn(actor, { companyId }).filter((r) => r !== 'anyone'),
    seals: visible.map((s) => {
      const target = { companyId, sealIds: [s.sealId] };
      const seen = new Set<string>();
      const actions = sealMachine.transitions
        .filter((t) => t.action && t.from.includes(s.state) && authorize(actor, t.action, target).allowed)
        .filter((t) => (seen.has(t.event) ? false : (seen.add(t.event), true)))
        .map((t) => ({ event: t.event, action: t.action as string, label: t.label, proof: ACTIONS[t.action!].proof }));
      // Why a seal can no longer be used is the holder's business too; why it was frozen or revoked only then.
      const stateReason = s.state === 'frozen' || s.state === 'revoked' ? s.stateReason : undefined;
      // A seal made before the algorithm was recorded has the platform's first one.
      const algorithm = s.algorithm ?? DEFAULT_SEAL_ALGORITHM;
      return { sealId: s.sealId, kind: s.kind, name: s.name, state: s.state, algorithm, expiresOn: s.expiresOn, stateReason, sealData: sealDataSummary(s.sealData), actions };
    }),
  };
}
