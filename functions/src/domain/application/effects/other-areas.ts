import type { GrantRole, Medium, RevocationCategory } from '@seal/shared';
import type { Ports } from '../../../ports';
import { createGrant } from '../../grant/create-grant';
import { cancelGrant } from '../../grant/cancel-grant';
import { freezeSeals, unfreezeSeals } from '../../seal/freeze-seal';
import { revokeSeals } from '../../seal/revoke-seal';
import { lifecycleDeps } from '../../seal/deps';
import { tellGrantee } from '../../notification/notices';

/**
 * The other areas' domain functions that approval calls, acting as window staff (the applicant's
 * identity and materials were checked at the window): grants (identity area) and the seal life
 * cycle. The one place this area binds to them.
 */
export interface WindowActor {
  staffId: string;
  applicationId: string;
  now: Date;
}

export async function createGrantAsWindow(
  services: Ports,
  grant: { companyId: string; role: GrantRole; grantee: { name: string; idNumber: string; phone: string }; sealIds: string[]; medium: Medium },
  by: WindowActor,
): Promise<{ grantId: string }> {
  const created = await createGrant(services.store, { ...grant, grantorId: by.staffId, as: 'window_staff', now: by.now });
  await tellGrantee(services, created, 'grant_received', by.now);
  return { grantId: created.grantId };
}

export async function cancelGrantAsWindow(services: Ports, grant: { companyId: string; grantId: string }, by: WindowActor): Promise<void> {
  const cancelled = await cancelGrant(services.store, { ...grant, actorId: by.staffId, as: 'window_staff', now: by.now, reason: `窗口取消授权 ${by.applicationId}` });
  await tellGrantee(services, cancelled, 'grant_cancelled', by.now);
}

type SealChange =
  | { event: 'freeze' | 'unfreeze'; reason: string }
  | { event: 'revoke'; reason: { category: RevocationCategory; text?: string } };

/** 窗口冻结 / 解冻 / 注销: the life cycle's own batch functions, party = window staff. */
export async function changeSealsAsWindow(services: Ports, companyId: string, sealIds: string[], change: SealChange, by: WindowActor) {
  const deps = lifecycleDeps(services);
  const party = { kind: 'window_staff' as const, staffId: by.staffId, applicationId: by.applicationId };
  if (change.event === 'revoke') return revokeSeals(deps, { companyId, sealIds, reason: change.reason, party, now: by.now });
  const run = change.event === 'freeze' ? freezeSeals : unfreezeSeals;
  return run(deps, { companyId, sealIds, reason: change.reason, party, now: by.now });
}
