import { Entity, type EntityConfiguration } from 'electrodb';
import { PERSON_PARTITION } from './person-partition';
import { COMPANY_TYPES } from '@seal/shared';

/** The platform's copy of a registry entry (营业执照系统 is the source of truth). */
export const Company = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'company', version: '1', service: 'seal' },
      attributes: {
        companyId: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        type: { type: COMPANY_TYPES, required: true },
        legalRepName: { type: 'string', required: true },
        legalRepPersonId: { type: 'string', required: true },
        registeredOn: { type: 'string', required: true },
        status: { type: ['active', 'closed'] as const, required: true, default: 'active' },
        integration: { type: ['none', 'pending', 'approved'] as const, required: true, default: 'none' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['companyId'] }, sk: { field: 'sk', composite: [] } },
        /** 我的 → my companies, as legal representative: in the person's partition of gsi1 with their grants and credentials (`people.recordsOf`, decision 0205). */
        byLegalRep: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['legalRepPersonId'], template: PERSON_PARTITION('legalRepPersonId') },
          sk: { field: 'gsi1sk', composite: ['companyId'] },
        },
      },
    },
    config,
  );
