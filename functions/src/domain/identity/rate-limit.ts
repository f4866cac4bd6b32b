import { DomainError } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';

/**
 * At most `limit` requests per key in each fixed window. The counter is one conditional ADD:
 * concurrent requests cannot all slip under the limit, and no read-modify-write race exists.
 */
export async function rateLimit(db: SealService, opts: { key: string; limit: number; windowSeconds: number; now: Date }): Promise<void> {
  const epoch = Math.floor(opts.now.getTime() / 1000);
  const window = String(Math.floor(epoch / opts.windowSeconds));
  try {
    await db.entities.rateCounter
      .update({ key: opts.key, window })
      .add({ count: 1 })
      .set({ ttl: epoch + 2 * opts.windowSeconds })
      .where((a, op) => `${op.notExists(a.count)} OR ${op.lt(a.count, opts.limit)}`)
      .go();
  } catch (error) {
    if (/conditional/i.test(String(error))) throw new DomainError('RATE_LIMITED');
    throw error;
  }
}
