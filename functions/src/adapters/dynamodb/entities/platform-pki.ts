import { Entity, type EntityConfiguration } from 'electrodb';

/**
 * The platform's own certificates, created once on first need: the P-256 root CA and TSA, and the
 * SM2 root CA, TSA and seal maker (制章, decision 0076). `create` is conditional on the role not
 * existing, so two cold starts racing both end with the winner's; `renew` on the serial it replaces.
 */
export const PlatformCertificate = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'platformCertificate', version: '1', service: 'seal' },
      attributes: {
        role: { type: ['root', 'tsa', 'ocsp-responder', 'sm2-root', 'sm2-tsa', 'seal-maker', 'sm2-ocsp-responder'] as const, required: true, readOnly: true },
        /** DER, base64. */
        certificate: { type: 'string', required: true, readOnly: true },
        serial: { type: 'string', required: true, readOnly: true },
        /** The KMS key (ARN) whose public key the certificate certifies. */
        keyId: { type: 'string', required: true, readOnly: true },
        notAfter: { type: 'string', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        /** Earlier certificates of the same role and key (DER, base64), newest first: a renewed TSA certificate (decision 0171). */
        previous: { type: 'list', items: { type: 'string' } },
      },
      indexes: {
        byRole: { pk: { field: 'pk', composite: ['role'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );

/**
 * The CRL's bookkeeping. Every revocation adds 1 to `revocationCount` in the same transaction
 * that revokes the certificate; the published CRL (an S3 object) is current while
 * `builtForCount` equals it, so a crash between a revocation and the CRL refresh is repaired
 * by the next `GET /v1/pki/crl`. `crlNumber` only grows (RFC 5280 §5.2.3): a rebuild is
 * conditional on the number it read.
 */
export const CrlState = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'crlState', version: '1', service: 'seal' },
      attributes: {
        issuer: { type: 'string', required: true, readOnly: true },
        revocationCount: { type: 'number', required: true, default: 0 },
        crlNumber: { type: 'number', required: true, default: 0 },
        builtForCount: { type: 'number', required: true, default: -1 },
        objectKey: { type: 'string' },
        thisUpdate: { type: 'string' },
        nextUpdate: { type: 'string' },
      },
      indexes: {
        byIssuer: { pk: { field: 'pk', composite: ['issuer'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );
