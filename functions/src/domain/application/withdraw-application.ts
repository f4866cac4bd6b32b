import { DomainError, applicationMachine, step } from '@seal/shared';
import type { Ports } from '../../ports';
import { getApplicationRecord, getOwnApplication, type ApplicationRecord } from './application-view';
import { lostRace } from './review-lease';

/**
 * 撤回: the applicant takes back an application the window has not decided. Only the applicant
 * (anyone else's is "not found"); the application machine decides from the state; the write is
 * conditional on the version read and on no approval being under way (a staff review lease), so
 * a withdrawal racing an approval loses cleanly (APPLICATION_DECIDED or CONFLICT), never both.
 */
export async function withdrawApplication(
  services: Ports,
  input: { applicationId: string; personId: string; expectedVersion?: number },
): Promise<ApplicationRecord> {
  const { store } = services;
  const now = services.now();
  const app = await getOwnApplication(store, input.applicationId, input.personId);
  const next = step(applicationMachine, app.state, 'withdraw', 'person');
  if (!next.ok) throw new DomainError(next.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : 'APPLICATION_DECIDED');
  const version = input.expectedVersion ?? app.version;
  if (version !== app.version) throw new DomainError('CONFLICT');
  try {
    await store.commitWithAudit(
      {
        companyId: app.companyId,
        actorId: input.personId,
        actorRole: 'person',
        action: 'application.withdraw',
        subject: `application:${app.applicationId}`,
        before: { state: app.state, version },
        after: { state: next.to, version: version + 1 },
      },
      [store.applications.withdraw({ applicationId: app.applicationId, version }, { state: next.to, decidedAt: now.toISOString(), now: now.toISOString() })],
      now,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') throw await lostRace(store, app.applicationId);
    throw error;
  }
  return getApplicationRecord(store, app.applicationId);
}
