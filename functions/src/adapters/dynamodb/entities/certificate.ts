import { Entity, type EntityConfiguration } from 'electrodb';

/** Every certificate the platform CA issued, by serial: the CRL and status-at-time lookups read it. */
export const CertificateRecord = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'certificate', version: '1', service: 'seal' },
      attributes: {
        serial: { type: 'string', required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        sealId: { type: 'string', required: true, readOnly: true },
        credentialId: { type: 'string', required: true, readOnly: true },
        notBefore: { type: 'string', required: true, readOnly: true },
        notAfter: { type: 'string', required: true, readOnly: true },
        /** The CA that issued it, as its CRL is named (`platform-sm2-root`); absent: the P-256 root. */
        issuer: { type: 'string', readOnly: true },
        /** `issued` or `revoked`: the CRL is one query of the `revoked` partition. */
        status: { type: ['issued', 'revoked'] as const, required: true },
        revokedAt: { type: 'string', required: true, default: '-' },
        revocationReason: { type: 'string' },
      },
      indexes: {
        bySerial: { pk: { field: 'pk', composite: ['serial'] }, sk: { field: 'sk', composite: [] } },
        byStatus: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['status'] },
          sk: { field: 'gsi1sk', composite: ['revokedAt', 'serial'] },
        },
      },
    },
    config,
  );

/** API credentials of an integrated system (系统接入); the secret is stored hashed. */
export const IntegrationClient = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'integrationClient', version: '1', service: 'seal' },
      attributes: {
        clientId: { type: 'string', required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        secretHash: { type: 'string', required: true },
        state: { type: ['active', 'revoked'] as const, required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        rotatedAt: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byClientId: { pk: { field: 'pk', composite: ['clientId'] }, sk: { field: 'sk', composite: [] } },
        byCompany: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['companyId'] }, sk: { field: 'gsi1sk', composite: ['clientId'] } },
      },
    },
    config,
  );

/** An uploaded or signed document in the documents bucket. */
export const DocumentRecord = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'document', version: '1', service: 'seal' },
      attributes: {
        documentId: { type: 'string', required: true, readOnly: true },
        ownerId: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        objectKey: { type: 'string', required: true },
        size: { type: 'number' },
        sha256: { type: 'string' },
        state: { type: ['awaiting_upload', 'uploaded', 'signed'] as const, required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        ttl: { type: 'number' },
        // Added by the documents API (decision 0019).
        /** `sign`: a holder's document; `verify`: a public upload for verification, deleted after. */
        purpose: { type: ['sign', 'verify'] as const, required: true, default: 'sign' },
        /** Size and SHA-256 declared when the upload was requested (checked when the bytes are read). */
        declaredSize: { type: 'number' },
        declaredSha256: { type: 'string' },
        pages: { type: 'number' },
        signatures: { type: 'number' },
        /** The DocMDP level (1–3) when the current version is certified (decision 0106). */
        certificationLevel: { type: 'number' },
        /** Signed versions so far; every signing is conditional on the version it read. */
        version: { type: 'number', required: true, default: 0 },
        signedAt: { type: 'string' },
        /** The archive job's day for this document and the company whose audit log records it (decision 0171). */
        archiveRenewalOn: { type: 'string' },
        archiveCompanyId: { type: 'string' },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['documentId'] }, sk: { field: 'sk', composite: [] } },
        /**
         * 我的文件: a person's documents by upload time (its composites are set at creation and never
         * change). Sparse: public verification uploads (owner `public`) stay out of it, so they do
         * not all land on one index partition.
         */
        byOwner: {
          index: 'gsi1',
          condition: (attributes) => attributes.ownerId !== 'public',
          pk: { field: 'gsi1pk', composite: ['ownerId'] },
          sk: { field: 'gsi1sk', composite: ['createdAt', 'documentId'] },
        },
        /** The archive job: signed PDFs by the day their next document timestamp is due. Sparse: only documents with a day have its partition key. */
        byArchiveRenewal: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['archiveRenewalOn'] },
          sk: { field: 'gsi2sk', composite: ['documentId'] },
        },
      },
    },
    config,
  );
