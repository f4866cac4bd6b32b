import { DomainError, applicationMachine, step } from '@seal/shared';
import type { Services } from '../../composition';
import { commitWithAudit } from '../../adapters/dynamodb/commit';
import { getApplicationRecord, getOwnApplication, type ApplicationRecord } from './application-view';
import { lostRace } from './review-lease';

/**
 * 撤回: the applicant takes back an application the window has not decided. Only the applicant
 * (anyone else's is "not found"); the application machine decides from the state; the write is
 * conditional on the version read and on no approval being under way (a staff review lease), so
 * a withdrawal racing an approval loses cleanly (APPLICATION_DECIDED or CONFLICT), never both.
 */
export async function withdrawApplication(
  services: Services,
  input: { applicationId: string; personId: string; expectedVersion?: number },
): Promise<ApplicationRecord> {
  const { db } = services;
  const now = services.now();
  const app = await getOwnApplication(db, input.applicationId, input.personId);
  const next = step(applicationMachine, app.state, 'withdraw', 'person');
  if (!next.ok) throw new DomainError(next.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : 'APPLICATION_DECIDED');
  const version = input.expectedVersion ?? app.version;
  if (version !== app.version) throw new DomainError('CONFLICT');
  try {
    await commitWithAudit(
      db,
      {
        companyId: app.companyId,
        actorId: input.personId,
        actorRole: 'person',
        action: 'application.withdraw',
        subject: `application:${app.applicationId}`,
        before: { state: app.state, version },
        after: { state: next.to, version: version + 1 },
      },
      (entities) => [
        entities.application
          .patch({ applicationId: app.applicationId })
          .set({ state: next.to, version: version + 1, decidedAt: now.toISOString() })
          .where(
            (a, op) =>
              `${op.eq(a.version, version)} AND ${op.eq(a.state, 'submitted')} AND (${op.notExists(a.reviewUntil)} OR ${op.lt(a.reviewUntil, now.toISOString())})`,
          )
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
