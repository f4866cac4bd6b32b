import { DomainError } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';

/**
 * At most `limit` requests per key in each fixed window. The counter is one conditional ADD:
 * concurrent requests cannot all slip under the limit, and no read-modify-write race exists.
 */
export async function rateLimit(store: SealStore, opts: { key: string; limit: number; windowSeconds: number; now: Date }): Promise<void> {
  const epoch = Math.floor(opts.now.getTime() / 1000);
  const window = String(Math.floor(epoch / opts.windowSeconds));
  const counted = await store.rateCounters.add({ key: opts.key, window, amount: 1, limit: opts.limit, ttl: epoch + 2 * opts.windowSeconds });
  if (!counted) throw new DomainError('RATE_LIMITED');
}
