import { APPLICATION_KIND_LABELS, APPLICATION_STATE_LABELS, DomainError, type applicationDto } from '@seal/shared';
import type { EntityItem } from 'electrodb';
import type { Services } from '../../composition';
import type { Application } from '../../adapters/dynamodb/entities/application';
import type { SealService } from '../../adapters/dynamodb/service';
import { formContent, type FormContent } from './form-content';
import type { StoredPayload } from './payload';

export type ApplicationRecord = EntityItem<ReturnType<typeof Application>>;

export async function getApplicationRecord(db: SealService, applicationId: string): Promise<ApplicationRecord> {
  const { data } = await db.entities.application.get({ applicationId }).go();
  if (!data) throw new DomainError('APPLICATION_NOT_FOUND');
  return data;
}

/** The form's content for an application, from the company copy and the applicant's name. */
export async function applicationForm(db: SealService, app: ApplicationRecord): Promise<FormContent> {
  const [{ data: company }, { data: applicant }] = await Promise.all([
    db.entities.company.get({ companyId: app.companyId }).go(),
    db.entities.person.get({ personId: app.applicantId }).go(),
  ]);
  const payload = app.payload as StoredPayload;
  return formContent({
    reference: app.reference,
    kind: app.kind,
    state: app.state,
    createdAt: app.createdAt,
    payload,
    company: company ?? { companyId: app.companyId, name: payload.request.company.name, type: 'domestic', legalRepName: '—' },
    applicantName: applicant?.name ?? '—',
  });
}

export async function applicationView(services: Services, app: ApplicationRecord, audience: 'applicant' | 'staff'): Promise<applicationDto.ApplicationView> {
  const form = await applicationForm(services.db, app);
  const base = audience === 'staff' ? '/v1/staff/applications' : '/v1/applications';
  return {
    applicationId: app.applicationId,
    reference: app.reference,
    kind: app.kind,
    kindLabel: APPLICATION_KIND_LABELS[app.kind],
    companyId: app.companyId,
    companyName: form.sections[0]?.rows[0]?.[1] ?? '',
    state: app.state,
    stateLabel: APPLICATION_STATE_LABELS[app.state],
    createdAt: app.createdAt,
    ...(app.decidedAt ? { decidedAt: app.decidedAt } : {}),
    ...(app.decisionReason ? { decisionReason: app.decisionReason } : {}),
    version: app.version,
    form: form as unknown as Record<string, unknown>,
    ...(app.outcome ? { outcome: app.outcome as Record<string, unknown> } : {}),
    formUrl: `${services.config.PUBLIC_BASE_URL}${base}/${app.applicationId}/form.pdf`,
  };
}

/** The applicant sees their own applications; nobody else does (staff have their own routes). */
export async function getOwnApplication(db: SealService, applicationId: string, personId: string): Promise<ApplicationRecord> {
  const app = await getApplicationRecord(db, applicationId);
  // Someone else's application is "not found", not "forbidden": ids are not confirmed to strangers.
  if (app.applicantId !== personId) throw new DomainError('APPLICATION_NOT_FOUND');
  return app;
}
