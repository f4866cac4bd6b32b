import { Entity, type EntityConfiguration } from 'electrodb';
import { NOTIFICATION_KINDS } from '@seal/shared';

/** 消息: one notification of one person; the sort key is the time-ordered id (newest first by a descending query). */
export const Notification = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'notification', version: '1', service: 'seal' },
      attributes: {
        personId: { type: 'string', required: true, readOnly: true },
        notificationId: { type: 'string', required: true, readOnly: true },
        kind: { type: NOTIFICATION_KINDS, required: true, readOnly: true },
        facts: { type: 'any', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        readAt: { type: 'string' },
        delivery: { type: ['sent', 'not_subscribed', 'not_configured', 'failed'] as const },
        ttl: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byPerson: { pk: { field: 'pk', composite: ['personId'] }, sk: { field: 'sk', composite: ['notificationId'] } },
      },
    },
    config,
  );

/** 用印记录: one signature of one seal, written with the signed version; the sort key orders by signing time. */
export const SigningRecordEntity = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'signingRecord', version: '1', service: 'seal' },
      attributes: {
        sealId: { type: 'string', required: true, readOnly: true },
        recordId: { type: 'string', required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        documentId: { type: 'string', required: true, readOnly: true },
        documentName: { type: 'string', required: true, readOnly: true },
        version: { type: 'number', required: true, readOnly: true },
        objectKey: { type: 'string', required: true, readOnly: true },
        sha256: { type: 'string', required: true, readOnly: true },
        pages: { type: 'number', required: true, readOnly: true },
        signedAt: { type: 'string', required: true, readOnly: true },
        signerId: { type: 'string', required: true, readOnly: true },
        signerName: { type: 'string', required: true, readOnly: true },
        signerRole: { type: 'string', required: true, readOnly: true },
        certificateSerial: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        bySeal: { pk: { field: 'pk', composite: ['sealId'] }, sk: { field: 'sk', composite: ['recordId'] } },
      },
    },
    config,
  );

/** An 电子营业执照 authorization of 在线申请: started, verified once, spent once (TTL cleans it). */
export const LicenceAuthorization = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'licenceAuthorization', version: '1', service: 'seal' },
      attributes: {
        authorizationId: { type: 'string', required: true, readOnly: true },
        personId: { type: 'string', required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        state: { type: ['started', 'verified', 'refused', 'used'] as const, required: true },
        licence: {
          type: 'map',
          properties: {
            companyName: { type: 'string', required: true },
            companyType: { type: 'string', required: true },
            legalRepName: { type: 'string', required: true },
            registeredOn: { type: 'string', required: true },
          },
        },
        createdAt: { type: 'string', required: true, readOnly: true },
        expiresAt: { type: 'string', required: true, readOnly: true },
        ttl: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['authorizationId'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );
