import { Entity, type EntityConfiguration } from 'electrodb';
import { APPLICATION_KINDS, APPLICATION_STATES } from '@seal/shared';

/** A window application (窗口办理): stored, printed as 申请表, decided by window staff. */
export const Application = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'application', version: '1', service: 'seal' },
      attributes: {
        applicationId: { type: 'string', required: true, readOnly: true },
        reference: { type: 'string', required: true, readOnly: true },
        kind: { type: APPLICATION_KINDS, required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        applicantId: { type: 'string', required: true, readOnly: true },
        /** The validated form data (the request DTO of its kind). */
        payload: { type: 'any', required: true, readOnly: true },
        state: { type: APPLICATION_STATES, required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        decidedAt: { type: 'string' },
        decidedBy: { type: 'string' },
        decisionReason: { type: 'string' },
        /** What approval produced (seal ids, grant ids, integration client id). */
        outcome: { type: 'any' },
        /** A staff member's short lease while approval takes effect: a concurrent reject or approve waits it out. */
        reviewingBy: { type: 'string' },
        reviewUntil: { type: 'string' },
        /** A corrected resubmission names the rejected application it replaces; that one names it back. */
        resubmissionOf: { type: 'string', readOnly: true },
        resubmittedAs: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['applicationId'] }, sk: { field: 'sk', composite: [] } },
        /** Window staff's queue: applications in a state, oldest first. */
        byQueue: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['state'] },
          sk: { field: 'gsi1sk', composite: ['createdAt', 'applicationId'] },
        },
        /** An applicant's own applications and their outcomes. */
        byApplicant: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['applicantId'] },
          sk: { field: 'gsi2sk', composite: ['createdAt', 'applicationId'] },
        },
      },
    },
    config,
  );
