import { APPLICATION_KIND_LABELS, APPLICATION_STATE_LABELS, DomainError, type applicationDto } from '@seal/shared';
import type { Ports } from '../../ports';
import type { ApplicationRecord as StoredApplication, SealStore } from '../../ports/seal-store';
import { formContent, type FormContent } from './form-content';
import type { StoredPayload } from './payload';

export type ApplicationRecord = StoredApplication;

export async function getApplicationRecord(store: SealStore, applicationId: string): Promise<ApplicationRecord> {
  const data = await store.applications.get(applicationId);
  if (!data) throw new DomainError('APPLICATION_NOT_FOUND');
  return data;
}

/** The form's content for an application, from the company copy and the applicant's name. */
export async function applicationForm(store: SealStore, app: ApplicationRecord): Promise<FormContent> {
  const [company, applicant] = await Promise.all([store.companies.get(app.companyId), store.people.get(app.applicantId)]);
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

export async function applicationView(services: Ports, app: ApplicationRecord, audience: 'applicant' | 'staff'): Promise<applicationDto.ApplicationView> {
  const form = await applicationForm(services.store, app);
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
    form,
    ...(app.resubmissionOf ? { resubmissionOf: app.resubmissionOf } : {}),
    ...(app.resubmittedAs ? { resubmittedAs: app.resubmittedAs } : {}),
    ...(audience === 'applicant' && canResubmit(app) ? { correction: (app.payload as StoredPayload).request as unknown as Record<string, unknown> } : {}),
    ...(app.outcome ? { outcome: app.outcome as Record<string, unknown> } : {}),
    formUrl: `${services.config.PUBLIC_BASE_URL}${base}/${app.applicationId}/form.pdf`,
  };
}

/**
 * A rejected application its applicant may correct and submit again, once: every business but a
 * custom seal made from an uploaded image (the image is not handed back; that one is made anew).
 */
export function canResubmit(app: ApplicationRecord): boolean {
  const request = (app.payload as StoredPayload).request;
  return app.state === 'rejected' && !app.resubmittedAs && !(request.kind === 'custom_seal' && request.design.source === 'image');
}

/** The applicant sees their own applications; nobody else does (staff have their own routes). */
export async function getOwnApplication(store: SealStore, applicationId: string, personId: string): Promise<ApplicationRecord> {
  const app = await getApplicationRecord(store, applicationId);
  // Someone else's application is "not found", not "forbidden": ids are not confirmed to strangers.
  if (app.applicantId !== personId) throw new DomainError('APPLICATION_NOT_FOUND');
  return app;
}
