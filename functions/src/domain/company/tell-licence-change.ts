import type { Ports } from '../../ports';
import { notify } from '../notification/notify';
import { sealsRevokedNotices } from '../notification/notices';
import type { LicenceChangeApplied } from './apply-registry-notification';

/**
 * After a licence change ended seals and grants, the people concerned are told why (nobody loses
 * a seal silently): the legal representative before and after, the grantees, the holders.
 */
export async function tellLicenceChange(services: Pick<Ports, 'store' | 'notifier'>, applied: LicenceChangeApplied, at: Date): Promise<void> {
  if (!applied.effects) return;
  const company = await services.store.companies.get(applied.companyId);
  if (!company) return;
  await notify(services, await sealsRevokedNotices(services.store, { company, causes: applied.causes, at, ...applied.effects }));
}
