import { Entity, type EntityConfiguration } from 'electrodb';

/**
 * One link of a company's audit hash chain. `seq` is dense from 1; an append is conditional on
 * the item not existing, so two writers racing for the same seq cannot both succeed and no event
 * is silently overwritten.
 */
export const AuditEvent = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'auditEvent', version: '1', service: 'seal' },
      attributes: {
        companyId: { type: 'string', required: true, readOnly: true },
        // Zero-padded in the sort key so events order numerically.
        seq: { type: 'number', required: true, readOnly: true, padding: { length: 12, char: '0' } },
        at: { type: 'string', required: true, readOnly: true },
        actorId: { type: 'string', required: true, readOnly: true },
        actorRole: { type: 'string', required: true, readOnly: true },
        action: { type: 'string', required: true, readOnly: true },
        subject: { type: 'string', required: true, readOnly: true },
        reason: { type: 'string' },
        before: { type: 'any' },
        after: { type: 'any' },
        prevHash: { type: 'string', required: true, readOnly: true },
        hash: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byCompany: { pk: { field: 'pk', composite: ['companyId'] }, sk: { field: 'sk', composite: ['seq'] } },
      },
    },
    config,
  );
