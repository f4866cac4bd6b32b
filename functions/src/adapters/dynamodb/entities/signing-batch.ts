import { Entity, type EntityConfiguration } from 'electrodb';

/** 批量签章任务: one per batch (decision 0165). */
export const SigningBatch = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'signingBatch', version: '1', service: 'seal' },
      attributes: {
        batchId: { type: 'string', required: true, readOnly: true },
        ownerId: { type: 'string', required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        sealId: { type: 'string', required: true, readOnly: true },
        credentialId: { type: 'string', required: true, readOnly: true },
        total: { type: 'number', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        expiresAt: { type: 'string', required: true, readOnly: true },
        ttl: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['batchId'] }, sk: { field: 'sk', composite: [] } },
        // 我的批量签章 (the phone follows a batch started on the desktop: decision 0211).
        byOwner: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['ownerId'] }, sk: { field: 'gsi1sk', composite: ['createdAt', 'batchId'] } },
      },
    },
    config,
  );

/** One document of a batch: pending until a worker signs it or records why it could not. */
export const SigningBatchItem = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'signingBatchItem', version: '1', service: 'seal' },
      attributes: {
        batchId: { type: 'string', required: true, readOnly: true },
        documentId: { type: 'string', required: true, readOnly: true },
        /** The file's name when the batch started (for the progress view and the summary report). */
        name: { type: 'string', readOnly: true },
        placements: {
          type: 'list',
          required: true,
          readOnly: true,
          items: {
            type: 'map',
            properties: {
              page: { type: 'number', required: true },
              x: { type: 'number', required: true },
              y: { type: 'number', required: true },
              width: { type: 'number' },
              height: { type: 'number' },
            },
          },
        },
        crossPage: { type: 'boolean', required: true, readOnly: true },
        state: { type: ['pending', 'signed', 'failed'] as const, required: true },
        version: { type: 'number' },
        errorCode: { type: 'string' },
        errorMessage: { type: 'string' },
        finishedAt: { type: 'string' },
        ttl: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byBatch: { pk: { field: 'pk', composite: ['batchId'] }, sk: { field: 'sk', composite: ['documentId'] } },
      },
    },
    config,
  );
