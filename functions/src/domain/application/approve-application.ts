import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { notify } from '../notification/notify';
import { applicationDecidedNotice } from '../notification/notices';
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
  services: Ports,
  input: { applicationId: string; staffId: string; expectedVersion?: number },
): Promise<ApplicationRecord> {
  const { store } = services;
  const now = services.now();
  const app = await getApplicationRecord(store, input.applicationId);
  const version = checkDecision(app, 'approve', input.expectedVersion);
  const payload = app.payload as StoredPayload;
  // Things change between submission and the visit to the window: check again before the lease.
  await checkTargets(store, { companyId: app.companyId }, payload.request);
  const leased = await takeReviewLease(store, app, input.staffId, version, now);
  let outcome: Record<string, unknown>;
  try {
    outcome = await applyApprovedApplication(services, app, input.staffId);
  } catch (error) {
    await releaseReviewLease(store, app.applicationId, leased);
    throw error;
  }
  try {
    await store.commitWithAudit(
      {
        companyId: app.companyId,
        actorId: input.staffId,
        actorRole: 'window_staff',
        action: 'application.approve',
        subject: `application:${app.applicationId}`,
        before: { state: 'submitted', version: leased },
        after: { state: 'approved', version: leased + 1, outcome },
      },
      [store.applications.approve({ applicationId: app.applicationId, version: leased }, { decidedAt: now.toISOString(), decidedBy: input.staffId, outcome })],
      now,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') throw await lostRace(store, app.applicationId);
    throw error;
  }
  const decided = await getApplicationRecord(store, app.applicationId);
  await notify(services, [applicationDecidedNotice(decided)]);
  return decided;
}
