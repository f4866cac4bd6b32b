import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { notify } from '../notification/notify';
import { applicationDecidedNotice } from '../notification/notices';
import { getApplicationRecord, type ApplicationRecord } from './application-view';
import { checkDecision, lostRace } from './review-lease';

/** 驳回: with a reason the applicant sees; conditional on the version read and on no approval under way. */
export async function rejectApplication(
  services: Ports,
  input: { applicationId: string; staffId: string; reason: string; expectedVersion?: number },
): Promise<ApplicationRecord> {
  const { store } = services;
  const now = services.now();
  const app = await getApplicationRecord(store, input.applicationId);
  const version = checkDecision(app, 'reject', input.expectedVersion);
  try {
    await store.commitWithAudit(
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
      [
        store.applications.reject(
          { applicationId: app.applicationId, version },
          { decidedAt: now.toISOString(), decidedBy: input.staffId, decisionReason: input.reason, now: now.toISOString() },
        ),
      ],
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
