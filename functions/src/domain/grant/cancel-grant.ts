import { DomainError, grantMachine, step, type Role } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { cancelActionFor, cancelEventFor } from './grant-actions';

export async function getGrant(store: SealStore, companyId: string, grantId: string) {
  const data = await store.grants.get(companyId, grantId);
  if (!data) throw new DomainError('GRANT_NOT_FOUND');
  return data;
}

/**
 * 取消授权: the grant ends at once. Nothing else needs revoking: every request and every signature
 * reads the grantee's active grants afresh (`loadActor`), so their very next one is refused.
 * The write is conditional on the version read; the grant machine decides legality.
 */
export async function cancelGrant(
  store: SealStore,
  input: { companyId: string; grantId: string; actorId: string; as: Role; now: Date; reason?: string },
) {
  const grant = await getGrant(store, input.companyId, input.grantId);
  const result = step(grantMachine, grant.state, cancelEventFor(grant.role), input.as);
  if (!result.ok)
    throw new DomainError(
      result.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : 'ILLEGAL_TRANSITION',
      result.code === 'NOT_AUTHORIZED' ? undefined : '该授权已取消',
    );
  await store.commitWithAudit(
    {
      companyId: grant.companyId,
      actorId: input.actorId,
      actorRole: input.as,
      action: cancelActionFor(grant.role),
      subject: `grant:${grant.grantId}`,
      reason: input.reason,
      before: { state: grant.state, version: grant.version },
      after: { state: result.to, version: grant.version + 1 },
    },
    [store.grants.end(grant, { state: result.to, endedAt: input.now.toISOString(), endReason: input.reason ?? '取消授权' })],
    input.now,
  );
  return { ...grant, state: result.to, endedAt: input.now.toISOString(), version: grant.version + 1 };
}
