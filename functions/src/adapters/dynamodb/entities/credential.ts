import { Entity, type EntityConfiguration } from 'electrodb';
import { CREDENTIAL_STATES, MEDIA } from '@seal/shared';

/** One person's claim of one seal: key (under custody), certificate, PIN hash, medium. */
export const Credential = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'credential', version: '1', service: 'seal' },
      attributes: {
        sealId: { type: 'string', required: true, readOnly: true },
        credentialId: { type: 'string', required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        personId: { type: 'string', required: true, readOnly: true },
        state: { type: CREDENTIAL_STATES, required: true },
        medium: { type: MEDIA, required: true, default: 'phone' },
        custody: { type: ['kms-envelope', 'kms-asymmetric'] as const, required: true },
        keyRef: { type: 'string', required: true },
        publicKey: { type: 'string', required: true },
        certificate: { type: 'string', required: true },
        serial: { type: 'string', required: true },
        notBefore: { type: 'string', required: true },
        notAfter: { type: 'string', required: true },
        /** The signing PIN's MAC under the KMS PIN key (decision 0140; `scrypt$…` until next used); the PIN itself is never stored or logged. */
        pinHash: { type: 'string', required: true },
        /** Wrong PINs in a row, counted atomically; five lock the credential. */
        failedAttempts: { type: 'number', required: true, default: 0 },
        lockedUntil: { type: 'string' },
        /** The UKey's key and certificate while the credential is bound to one (decision 0121). */
        ukey: {
          type: 'map',
          properties: {
            tokenSerial: { type: 'string', required: true },
            keyId: { type: 'string', required: true },
            publicKey: { type: 'string', required: true },
            certificate: { type: 'string', required: true },
            serial: { type: 'string', required: true },
            notBefore: { type: 'string', required: true },
            notAfter: { type: 'string', required: true },
            boundAt: { type: 'string', required: true },
          },
        },
        createdAt: { type: 'string', required: true, readOnly: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        bySeal: { collection: 'sealDetails', pk: { field: 'pk', composite: ['sealId'] }, sk: { field: 'sk', composite: ['credentialId'] } },
        /** Person → the seals they claimed (我的印章). */
        byPerson: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['personId'] },
          sk: { field: 'gsi1sk', composite: ['sealId', 'credentialId'] },
        },
      },
    },
    config,
  );
