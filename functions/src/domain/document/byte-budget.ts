import { DomainError } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';

/**
 * At most `limit` bytes per key in each fixed window (public uploads are limited by size, not
 * only by count). One conditional ADD on the rate counter: concurrent requests cannot together
 * overspend, and a refused request adds nothing.
 */
export async function spendBytes(
  store: SealStore,
  opts: { key: string; bytes: number; limit: number; windowSeconds: number; now: Date },
): Promise<void> {
  const epoch = Math.floor(opts.now.getTime() / 1000);
  const window = String(Math.floor(epoch / opts.windowSeconds));
  const spent = await store.rateCounters.add({ key: opts.key, window, amount: opts.bytes, limit: opts.limit, ttl: epoch + 2 * opts.windowSeconds });
  if (!spent) throw new DomainError('RATE_LIMITED', '上传验证的文件总量过大，请稍后再试');
}
