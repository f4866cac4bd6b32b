import { DomainError } from '@seal/shared';
import type { Services } from '../../composition';
import { commitWithAudit } from '../../adapters/dynamodb/commit';
import { getApplicationRecord, type ApplicationRecord } from './application-view';
import { checkDecision, lostRace, releaseReviewLease, takeReviewLease } from './review-lease';
import { checkTargets } from './check-targets';
import { applyApprovedApplication } from './effects/apply-approved-application';
import type { StoredPayload } from './payload';

/**
 * 窗口审核通过: the change the application asks for takes effect, by the same domain functions as
 * online business, acting as window staff. One of two staff approving at once wins; the other
 * gets CONFLICT or APPLICATION_DECIDED and nothing of theirs happens.
 */
export async function approveApplication(
  services: Services,
  input: { applicationId: string; staffId: string; expectedVersion?: number },
): Promise<ApplicationRecord> {
  const { db } = services;
  const now = services.now();
  const app = await getApplicationRecord(db, input.applicationId);
  const version = checkDecision(app, 'approve', input.expectedVersion);
  const payload = app.payload as StoredPayload;
  // Things change between submission and the visit to the window: check again before the lease.
  await checkTargets(db, { companyId: app.companyId }, payload.request);
  const leased = await takeReviewLease(db, app, input.staffId, version, now);
  let outcome: Record<string, unknown>;
  try {
    outcome = await applyApprovedApplication(services, app, input.staffId);
  } catch (error) {
    await releaseReviewLease(db, app.applicationId, leased);
    throw error;
  }
  try {
    await commitWithAudit(
      db,
      {
        companyId: app.companyId,
        actorId: input.staffId,
        actorRole: 'window_staff',
        action: 'application.approve',
        subject: `application:${app.applicationId}`,
        before: { state: 'submitted', version: leased },
        after: { state: 'approved', version: leased + 1, outcome },
      },
      (entities) => [
        entities.application
          .patch({ applicationId: app.applicationId })
          .set({ state: 'approved', version: leased + 1, decidedAt: now.toISOString(), decidedBy: input.staffId, outcome })
          .remove(['reviewingBy', 'reviewUntil'])
          .where((a, op) => op.eq(a.version, leased))
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
