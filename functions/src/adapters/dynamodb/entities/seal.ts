import { Entity, type EntityConfiguration } from 'electrodb';
import { SEAL_ALGORITHMS, SEAL_KINDS, SEAL_STATES } from '@seal/shared';

export const Seal = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'seal', version: '1', service: 'seal' },
      attributes: {
        sealId: { type: 'string', required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        kind: { type: SEAL_KINDS, required: true, readOnly: true },
        name: { type: 'string', required: true },
        state: { type: SEAL_STATES, required: true },
        /** Its credentials' key and certificate algorithm (decision 0078). */
        algorithm: { type: SEAL_ALGORITHMS, readOnly: true },
        /** Day (YYYY-MM-DD) the earliest live certificate of the seal expires; `9999-12-31` before any claim. */
        expiresOn: { type: 'string', required: true, default: '9999-12-31' },
        stateReason: { type: 'string' },
        /** For custom seals: the S3 key of the approved image. */
        imageKey: { type: 'string' },
        /** The current 印章数据 (GB/T 38540 SES_Seal): its S3 key and what the seal detail shows. */
        sealData: {
          type: 'map',
          properties: {
            key: { type: 'string', required: true },
            esId: { type: 'string', required: true },
            maker: { type: 'string', required: true },
            validStart: { type: 'string', required: true },
            validEnd: { type: 'string', required: true },
            madeAt: { type: 'string', required: true },
            certificates: { type: 'number', required: true },
          },
        },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
        /** Optimistic lock: every state change is conditional on the version it read. */
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: { collection: 'sealDetails', pk: { field: 'pk', composite: ['sealId'] }, sk: { field: 'sk', composite: [] } },
        /** Company → its seals (印章列表). */
        byCompany: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['companyId'] },
          sk: { field: 'gsi1sk', composite: ['kind', 'sealId'] },
        },
        /** The daily renewal job: seals whose certificates expire on a given day. */
        byExpiry: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['expiresOn'] }, sk: { field: 'gsi2sk', composite: ['sealId'] } },
      },
    },
    config,
  );
