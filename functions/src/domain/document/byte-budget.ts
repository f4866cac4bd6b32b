import { DomainError } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';

/**
 * At most `limit` bytes per key in each fixed window (public uploads are limited by size, not
 * only by count). One conditional ADD on the rate counter: concurrent requests cannot together
 * overspend, and a refused request adds nothing.
 */
export async function spendBytes(
  db: SealService,
  opts: { key: string; bytes: number; limit: number; windowSeconds: number; now: Date },
): Promise<void> {
  const epoch = Math.floor(opts.now.getTime() / 1000);
  const window = String(Math.floor(epoch / opts.windowSeconds));
  try {
    await db.entities.rateCounter
      .update({ key: opts.key, window })
      .add({ count: opts.bytes })
      .set({ ttl: epoch + 2 * opts.windowSeconds })
      .where((a, op) => `${op.notExists(a.count)} OR ${op.lte(a.count, opts.limit - opts.bytes)}`)
      .go();
  } catch (error) {
    if (/conditional/i.test(String(error))) throw new DomainError('RATE_LIMITED', '上传验证的文件总量过大，请稍后再试');
    throw error;
  }
}
