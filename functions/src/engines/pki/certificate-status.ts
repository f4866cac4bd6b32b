import { serialHex, viewCertificate } from './certificate-view';
import { sameName } from './name-der';
import { parseCrl, type ParsedCrl } from './parse-crl';
import { normalizeSerial, type Revocation, type RevocationReason } from './revocation';
import { PkiError } from './errors';

export type CertificateStatus = 'valid' | 'revoked' | 'expired' | 'not_yet_valid';

export interface CertificateStatusAt {
  status: CertificateStatus;
  revokedAt?: Date;
  reason?: RevocationReason;
}

export interface CertificateStatusQuery {
  /** DER of the certificate. */
  certificate: Uint8Array;
  /** The moment that matters: for a signature, its (timestamped) signing time. */
  at: Date;
  /** The issuer's CRL (DER or parsed). Check its signature first (`parseCrl(der, { issuerCertificate })`). */
  crl?: Uint8Array | ParsedCrl;
  /** Or the platform's own revocation records. */
  revocations?: Revocation[];
}

/**
 * The status of a certificate at a moment. A certificate revoked after `at` was valid at `at`:
 * a document signed before a seal was revoked keeps a valid signature.
 */
export function certificateStatusAt(query: CertificateStatusQuery): CertificateStatusAt {
  const certificate = viewCertificate(query.certificate);
  const serial = serialHex(certificate);
  let revocations = query.revocations ?? [];
  if (query.crl) {
    const crl = query.crl instanceof Uint8Array ? parseCrl(query.crl) : query.crl;
    if (!sameName(crl.issuerName, certificate.issuer)) throw new PkiError('PKI_BAD_INPUT', '吊销列表不是该证书签发者发布的');
    revocations = [...revocations, ...crl.entries];
  }
  const revocation = revocations
    .filter((entry) => normalizeSerial(entry.serialNumber) === serial)
    .sort((a, b) => a.revokedAt.getTime() - b.revokedAt.getTime())[0];
  if (revocation && revocation.revokedAt.getTime() <= query.at.getTime()) {
    return { status: 'revoked', revokedAt: revocation.revokedAt, reason: revocation.reason ?? 'unspecified' };
  }
  if (query.at.getTime() < certificate.notBefore.getTime()) return { status: 'not_yet_valid' };
  if (query.at.getTime() > certificate.notAfter.getTime()) return { status: 'expired' };
  return { status: 'valid' };
}
