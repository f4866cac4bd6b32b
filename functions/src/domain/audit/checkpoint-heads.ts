import type { Ports } from '../../ports';
import { UNSEALED_SHARDS } from '../../ports/store/audit';
import { checkpointTrail } from './chain-trail';

/** Companies one run checkpoints at most, per shard: a run's work is bounded, the rest waits for the next run. */
export const CHECKPOINTS_PER_SHARD = 50;

export interface CheckpointRunReport {
  checkpointed: string[];
  /** Marked, but the chain's head already had its checkpoint (the chainer made one meanwhile). */
  alreadySealed: string[];
  failed: string[];
}

/**
 * The checkpoint job (decision 0227): every company whose chain has links no checkpoint covers gets
 * one now, whatever the chainer's one-a-minute rule left undone (a company whose activity stopped
 * within the minute). The companies come from the unsealed-head marks, a page per shard, never a
 * Scan; a mark is cleared once its seq is covered. No checkpoint is made for a chain without new
 * links (decision 0227 says why).
 */
export async function checkpointUnsealedHeads(services: Ports, options: { perShard?: number; onError?: (companyId: string, error: unknown) => void } = {}): Promise<CheckpointRunReport> {
  const report: CheckpointRunReport = { checkpointed: [], alreadySealed: [], failed: [] };
  const { audit } = services.store;
  await Promise.all(
    Array.from({ length: UNSEALED_SHARDS }, async (_, shard) => {
      for (const { companyId } of await audit.unsealedHeads(shard, { limit: options.perShard ?? CHECKPOINTS_PER_SHARD })) {
        try {
          const head = await audit.head(companyId);
          if (!head) continue;
          const made = await checkpointTrail(services, companyId, head, 0);
          if (!made) await audit.clearUnsealed(companyId, head.seq);
          (made ? report.checkpointed : report.alreadySealed).push(companyId);
        } catch (error) {
          options.onError?.(companyId, error);
          report.failed.push(companyId);
        }
      }
    }),
  );
  return report;
}
