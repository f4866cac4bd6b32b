import { composePorts, getServices } from '../../composition';
import { platformKeys } from '../../composition/platform-keys';
import { logEvent } from '../../config/logger';
import { loadRuntimeSecrets } from '../../config/runtime-secrets';
import { checkpointUnsealedHeads, type CheckpointRunReport } from '../../domain/audit/checkpoint-heads';
import type { Ports } from '../../ports';

/** One run of the checkpoint job (decision 0227); a company that fails is logged and tried again next run. */
export async function runAuditCheckpointJob(services: Ports): Promise<CheckpointRunReport> {
  const report = await checkpointUnsealedHeads(services, {
    onError: (companyId, error) => logEvent('error', 'audit checkpoint job: a company failed', { companyId, error: String(error) }),
  });
  logEvent(report.failed.length ? 'error' : 'info', 'audit checkpoint job', { checkpointed: report.checkpointed.length, alreadySealed: report.alreadySealed.length, failed: report.failed.length });
  return report;
}

/** The scheduled Lambda (EventBridge, every 15 minutes): `functions/src/entry/jobs/audit-checkpoint-job.handler`. */
export async function handler(): Promise<CheckpointRunReport> {
  await loadRuntimeSecrets();
  return runAuditCheckpointJob(composePorts(getServices(), [platformKeys]));
}
