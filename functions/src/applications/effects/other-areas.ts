import { randomUUID } from 'node:crypto';
import { DomainError, grantMachine, maskIdNumber, step, type GrantRole, type Medium } from '@seal/shared';
import { commitWithAudit } from '../../store/commit';
import { personIdFor } from '../../identity/person-id';
import type { Services } from '../../services';
import { transitionSeal } from '../../seals/transition-seal';

/**
 * The other areas' domain functions that approval calls, acting as window staff (proof already
 * checked at the window). The ONE place this area binds to them: grants (identity area,
 * `functions/src/grants/`), seal life cycle (`functions/src/lifecycle/`).
 */
export interface WindowActor {
  staffId: string;
  now: Date;
}

export interface NewGrant {
  companyId: string;
  role: GrantRole;
  grantee: { name: string; idNumber: string; phone: string };
  sealIds: string[];
  medium: Medium;
}

/**
 * Stand-in until `grants/create-grant.ts` lands (identity area): writes the grant and the
 * grantee's person record the way the identity area keys them (`personIdFor`).
 */
export async function createGrantAsWindow(services: Services, grant: NewGrant, by: WindowActor): Promise<{ grantId: string }> {
  const { db } = services;
  const granteeId = personIdFor(grant.grantee.idNumber);
  const at = by.now.toISOString();
  await db.entities.person
    .create({ personId: granteeId, name: grant.grantee.name, idNumberMasked: maskIdNumber(grant.grantee.idNumber), phone: grant.grantee.phone, sessionEpoch: 0, createdAt: at })
    .go()
    .catch((error) => {
      if (!/conditional/i.test(String(error))) throw error;
    });
  const grantId = `grant-${randomUUID()}`;
  await commitWithAudit(
    db,
    { companyId: grant.companyId, actorId: by.staffId, actorRole: 'window_staff', action: `grant.authorize_${grant.role === 'seal_administrator' ? 'administrator' : 'holder'}`, subject: `grant:${grantId}`, after: { granteeId, role: grant.role, sealIds: grant.sealIds, state: 'active' } },
    (entities) => [
      entities.grant
        .create({ companyId: grant.companyId, grantId, granteeId, granteeName: grant.grantee.name, granteePhone: grant.grantee.phone, grantorId: by.staffId, role: grant.role, sealIds: grant.sealIds, medium: grant.medium, state: 'active', createdAt: at })
        .commit(),
    ],
    () => by.now,
  );
  return { grantId };
}

/** Stand-in until `grants/cancel-grant.ts` lands: the grant machine's cancel event as window staff. */
export async function cancelGrantAsWindow(services: Services, ref: { companyId: string; grantId: string }, by: WindowActor): Promise<void> {
  const { db } = services;
  const { data: grant } = await db.entities.grant.get(ref).go();
  if (!grant) throw new DomainError('GRANT_NOT_FOUND');
  const event = grant.role === 'seal_administrator' ? 'cancel_administrator' : 'cancel_holder';
  const result = step(grantMachine, grant.state, event, 'window_staff');
  if (!result.ok) throw new DomainError(result.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : 'GRANT_NOT_FOUND');
  await commitWithAudit(
    db,
    { companyId: ref.companyId, actorId: by.staffId, actorRole: 'window_staff', action: `grant.${event}`, subject: `grant:${ref.grantId}`, before: { state: grant.state, version: grant.version }, after: { state: result.to, version: grant.version + 1 } },
    (entities) => [
      entities.grant
        .patch(ref)
        .set({ state: result.to, version: grant.version + 1, endedAt: by.now.toISOString(), endReason: '窗口取消授权' })
        .where((a, op) => op.eq(a.version, grant.version))
        .commit(),
    ],
    () => by.now,
  );
}

export async function sealEventAsWindow(
  services: Services,
  input: { sealId: string; event: 'freeze' | 'unfreeze' | 'revoke'; reason: string },
  by: WindowActor,
): Promise<void> {
  await transitionSeal(services.db, { sealId: input.sealId, event: input.event, as: 'window_staff', actorId: by.staffId, reason: input.reason, now: () => by.now });
}
