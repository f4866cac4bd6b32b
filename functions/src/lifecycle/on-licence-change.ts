import { DomainError, SYSTEM_CAUSE_LABELS, grantMachine, step, type SystemCause } from '@seal/shared';
import type { SealService } from '../store/service';
import { commitWithAudit } from '../store/commit';
import { transitionSeal } from '../seals/transition-seal';

/**
 * MINIMAL VERSION written by the identity area so registry notifications have something to call;
 * the seal-lifecycle engineer owns this file and extends it (revoking certificates, refreshing the
 * CRL). What it does now, as the user guide says (十、印章变更): when the registry reports a change of
 * legal representative, their ID number, the company's name or type, or its closure, every grant of
 * the company ends (grant machine `end`) and every seal that is not yet revoked is revoked (seal
 * machine `revoke` as `system`). The company must re-apply.
 */
export async function onLicenceChange(db: SealService, input: { companyId: string; changes: SystemCause[]; now: Date }): Promise<void> {
  if (input.changes.length === 0) return;
  const reason = input.changes.map((c) => SYSTEM_CAUSE_LABELS[c]).join('、');
  const now = () => input.now;
  const grants = await db.entities.grant.query.byCompany({ companyId: input.companyId }).go({ pages: 'all' });
  for (const grant of grants.data.filter((g) => g.state === 'active')) {
    const result = step(grantMachine, grant.state, 'end', 'system');
    if (!result.ok) continue;
    await commitWithAudit(
      db,
      { companyId: grant.companyId, actorId: 'system', actorRole: 'system', action: 'grant.end', subject: `grant:${grant.grantId}`, reason, before: { state: grant.state }, after: { state: result.to } },
      (e) => [
        e.grant
          .patch({ companyId: grant.companyId, grantId: grant.grantId })
          .set({ state: result.to, endedAt: input.now.toISOString(), endReason: reason, version: grant.version + 1 })
          .where((a, op) => op.eq(a.version, grant.version))
          .commit(),
      ],
      now,
    );
  }
  const seals = await db.entities.seal.query.byCompany({ companyId: input.companyId }).go({ pages: 'all' });
  for (const seal of seals.data.filter((s) => s.state !== 'revoked')) {
    try {
      await transitionSeal(db, { sealId: seal.sealId, event: 'revoke', as: 'system', actorId: 'system', reason, now });
    } catch (error) {
      // Revoked meanwhile by someone else: the goal is reached.
      if (!(error instanceof DomainError && error.code === 'SEAL_REVOKED')) throw error;
    }
  }
}
