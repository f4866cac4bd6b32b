import { DomainError } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { PERIOD_SECONDS, QUOTAS, quotaLimits, type QuotaName } from '../../config/quotas';

/** Windows are aligned to Beijing time, so a daily quota starts again at 00:00 in Beijing. */
const BEIJING_OFFSET_SECONDS = 8 * 3600;

/** One quota charged to one subject (a person id, a company's credit code, an address, an openid). */
export interface QuotaCharge {
  quota: QuotaName;
  subject: string;
  /** Requests count 1; byte quotas count the bytes declared. */
  amount?: number;
}

interface Window {
  id: string;
  /** Seconds from now until the window ends (Retry-After). */
  retryAfter: number;
  /** When the counter may be forgotten (DynamoDB TTL, epoch seconds). */
  ttl: number;
}

function windowOf(quota: QuotaName, now: Date): Window {
  const seconds = PERIOD_SECONDS[QUOTAS[quota].per];
  const epoch = now.getTime() / 1000;
  const index = Math.floor((epoch + BEIJING_OFFSET_SECONDS) / seconds);
  const end = (index + 1) * seconds - BEIJING_OFFSET_SECONDS;
  return { id: `${QUOTAS[quota].per}:${index}`, retryAfter: Math.max(1, Math.ceil(end - epoch)), ttl: Math.ceil(end) + seconds };
}

/**
 * Spends every charge, or none: each is one conditional ADD on its counter (the store refuses an
 * ADD that would pass the limit, so concurrent requests cannot together overspend and no update is
 * lost); when one is refused, the ones already added are given back and the request is refused
 * with 429 RATE_LIMITED, the quota's Chinese message and Retry-After. Run after the caller is
 * known to be allowed and before anything costly (a paid face check, an upload link).
 *
 *   request A: person +1 ✓ ─ company +1 ✓                                   → goes ahead
 *   request B: person +1 ✓ ─ company +1 ✗ (would pass the limit) ─ person −1 → 429, nothing kept
 */
export async function spendQuotas(store: SealStore, charges: readonly QuotaCharge[], now: Date): Promise<void> {
  const limits = quotaLimits();
  const spent: { key: string; window: string; amount: number }[] = [];
  for (const charge of charges) {
    const amount = charge.amount ?? 1;
    const window = windowOf(charge.quota, now);
    const counter = { key: `${charge.quota}:${charge.subject}`, window: window.id, amount };
    const added = await store.rateCounters.add({ ...counter, limit: limits[charge.quota], ttl: window.ttl });
    if (added) {
      spent.push(counter);
      continue;
    }
    await Promise.all(spent.map((c) => store.rateCounters.giveBack(c)));
    throw new DomainError('RATE_LIMITED', QUOTAS[charge.quota].message, undefined, { retryAfterSeconds: window.retryAfter });
  }
}

/** One quota, one subject. */
export function spendQuota(store: SealStore, quota: QuotaName, subject: string, now: Date, amount?: number): Promise<void> {
  return spendQuotas(store, [{ quota, subject, amount }], now);
}
