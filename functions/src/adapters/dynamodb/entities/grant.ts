import { Entity, type EntityConfiguration } from 'electrodb';
import { PERSON_PARTITION } from './person-partition';
import { GRANT_ROLES, GRANT_STATES, MEDIA } from '@seal/shared';

/** 授权: a legal representative or administrator lets a person administer or hold some seals. */
export const Grant = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'grant', version: '1', service: 'seal' },
      attributes: {
        companyId: { type: 'string', required: true, readOnly: true },
        grantId: { type: 'string', required: true, readOnly: true },
        granteeId: { type: 'string', required: true, readOnly: true },
        granteeName: { type: 'string', required: true },
        granteePhone: { type: 'string' },
        grantorId: { type: 'string', required: true, readOnly: true },
        role: { type: GRANT_ROLES, required: true, readOnly: true },
        sealIds: { type: 'list', items: { type: 'string' }, required: true },
        medium: { type: MEDIA, required: true, default: 'phone' },
        state: { type: GRANT_STATES, required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        endedAt: { type: 'string' },
        endReason: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        /** Company → every grant (授权管理 for the legal representative). */
        byCompany: { pk: { field: 'pk', composite: ['companyId'] }, sk: { field: 'sk', composite: ['grantId'] } },
        /** Person → the grants they hold (checked on every request: a cancelled grant stops at once); in the person's partition of gsi1 (decision 0205). */
        byGrantee: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['granteeId'], template: PERSON_PARTITION('granteeId') },
          sk: { field: 'gsi1sk', composite: ['companyId', 'grantId'] },
        },
      },
    },
    config,
  );
