import { DomainError } from '@seal/shared';
import type { Services } from '../../composition';
import { commitWithAudit } from '../../adapters/dynamodb/commit';
import { getApplicationRecord, type ApplicationRecord } from './application-view';
import { checkDecision, lostRace } from './review-lease';

/** 驳回: with a reason the applicant sees; conditional on the version read and on no approval under way. */
export async function rejectApplication(
  services: Services,
  input: { applicationId: string; staffId: string; reason: string; expectedVersion?: number },
): Promise<ApplicationRecord> {
  const { db } = services;
  const now = services.now();
  const app = await getApplicationRecord(db, input.applicationId);
  const version = checkDecision(app, 'reject', input.expectedVersion);
  try {
    await commitWithAudit(
      db,
      {
        companyId: app.companyId,
        actorId: input.staffId,
        actorRole: 'window_staff',
        action: 'application.reject',
        subject: `application:${app.applicationId}`,
        reason: input.reason,
        before: { state: app.state, version },
        after: { state: 'rejected', version: version + 1 },
      },
      (entities) => [
        entities.application
          .patch({ applicationId: app.applicationId })
          .set({ state: 'rejected', version: version + 1, decidedAt: now.toISOString(), decidedBy: input.staffId, decisionReason: input.reason })
          .where((a, op) => `${op.eq(a.version, version)} AND (${op.notExists(a.reviewUntil)} OR ${op.lt(a.reviewUntil, now.toISOString())})`)
          .commit(),
      ],
      () => now,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') throw await lostRace(db, app.applicationId);
    throw error;
  }
  return getApplicationRecord(db, app.applicationId);
}
