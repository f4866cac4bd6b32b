import { createHmac } from 'node:crypto';
import { DomainError, STANDARD_SEAL_SET } from '@seal/shared';
import { loadIdentityConfig } from '../identity/identity-config';
import type { SealStore } from '../../ports/seal-store';
import { createSeals } from './create-seals';

/** How long after registration a company counts as newly registered (days); `NEW_COMPANY_WINDOW_DAYS`. */
export function newCompanyWindowDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.NEW_COMPANY_WINDOW_DAYS ?? 90);
  return Number.isFinite(days) && days >= 0 ? days : 90;
}

export function isNewlyRegistered(registeredOn: string, now: Date, windowDays = newCompanyWindowDays()): boolean {
  const registered = Date.parse(`${registeredOn.slice(0, 10)}T00:00:00+08:00`);
  return Number.isFinite(registered) && registered <= now.getTime() && now.getTime() - registered <= windowDays * 86_400_000;
}

/**
 * The starter seal of a kind has a fixed id: creating it twice is impossible, not merely avoided.
 * Keyed (HMAC under a platform secret), so nobody can guess a company's seal ids from its public
 * credit code (issue #15). Seals made before this kept their `seal-<credit code>-<kind>` ids: ids are
 * only compared, never parsed, so those stay valid.
 */
export function starterSealId(companyId: string, kind: string, key: string = loadIdentityConfig().personIdKey): string {
  const digest = createHmac('sha256', key).update(`starter-seal\u0000${companyId}\u0000${kind}`).digest('base64url');
  return `seal-${digest.slice(0, 24)}`;
}

/**
 * 新注册成立的商事主体无需经过申请流程，可以直接领取一套四枚电子印章: when a newly registered company
 * is first looked up and has no seals, its four standard seals appear as pending_claim.
 * Idempotent and race-safe: fixed ids, each create conditional on absence; a concurrent first
 * lookup that loses the race sees CONFLICT, which here means "already done".
 * Returns the number of seals created (0 or 4).
 */
export async function ensureStarterSeals(
  store: SealStore,
  company: { companyId: string; registeredOn: string; status: string },
  now: Date,
  windowDays = newCompanyWindowDays(),
): Promise<number> {
  if (company.status !== 'active' || !isNewlyRegistered(company.registeredOn, now, windowDays)) return 0;
  if (await store.seals.anyOfCompany(company.companyId)) return 0;
  try {
    await createSeals(store, {
      companyId: company.companyId,
      seals: STANDARD_SEAL_SET.map((kind) => ({ sealId: starterSealId(company.companyId, kind), kind })),
      actorId: 'platform',
      actorRole: 'system',
      action: 'seal.create_starter_set',
      reason: '新注册商事主体，免申请领取一套四枚电子印章',
      now,
    });
    return STANDARD_SEAL_SET.length;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return 0;
    throw error;
  }
}
