import { randomUUID } from 'node:crypto';
import { DEFAULT_SEAL_ALGORITHM, DomainError, SEAL_KIND_LABELS, type SealAlgorithm, type SealKind } from '@seal/shared';
import type { LifecycleDeps } from './deps';
import { proveFace, resolveRole, type ActingParty } from './acting-party';
import type { SealItem } from './views';

/**
 * 在线变更: after a licence change revoked the company's seals, the (possibly new) legal
 * representative re-applies with a face check; the chosen kinds come back as new seals,
 * pending_claim (领取 next). A kind that still has a seal in force is refused: 变更 replaces
 * what the change revoked, it does not duplicate seals. Window staff approving a 窗口变更
 * application call this with `{ kind: 'window_staff' }`. Each new seal is created with its
 * audit event in one transaction.
 */
export async function changeSealsOnline(
  deps: LifecycleDeps,
  request: { companyId: string; kinds: readonly SealKind[]; sealAlgorithm?: SealAlgorithm; party: ActingParty; now: Date },
): Promise<SealItem[]> {
  const { store } = deps.services;
  const company = await store.companies.get(request.companyId);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  const acting = resolveRole(request.party, 'seal.change_online', { companyId: request.companyId });
  if (company.status !== 'active') throw new DomainError('ILLEGAL_TRANSITION', '企业已注销，不能重新申请印章');
  const existing = await store.seals.ofCompany(request.companyId);
  const inForce = request.kinds.filter((kind) => existing.some((s) => s.kind === kind && s.state !== 'revoked'));
  if (inForce.length) {
    throw new DomainError('ALREADY_EXISTS', `${inForce.map((k) => SEAL_KIND_LABELS[k]).join('、')}仍在使用中，无需重新申请`);
  }
  await proveFace(store, request.party, 'seal.change_online', { companyId: request.companyId }, request.now);
  const at = request.now.toISOString();
  const created: SealItem[] = [];
  for (const kind of request.kinds) {
    const seal = {
      sealId: `seal-${randomUUID()}`,
      companyId: request.companyId,
      kind,
      name: SEAL_KIND_LABELS[kind],
      state: 'pending_claim' as const,
      algorithm: request.sealAlgorithm ?? DEFAULT_SEAL_ALGORITHM,
      expiresOn: '9999-12-31',
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await store.commitWithAudit(
      {
        companyId: request.companyId,
        actorId: acting.actorId,
        actorRole: acting.as,
        action: 'seal.change',
        subject: `seal:${seal.sealId}`,
        reason: '营业执照变更后重新申请',
        after: { state: seal.state, kind, algorithm: seal.algorithm, version: 1 },
      },
      [store.seals.create(seal)],
      request.now,
    );
    created.push(seal);
  }
  return created;
}
