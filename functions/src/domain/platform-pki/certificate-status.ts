import { normalizeSerial } from '../../engines/pki/revocation';
import type { SealStore } from '../../ports/seal-store';

export type PlatformCertificateStatus = 'valid' | 'revoked' | 'expired' | 'not_yet_valid' | 'unknown';

export interface CertificateStatusAnswer {
  serialNumber: string;
  /** False when the platform never issued this serial: a verifier must not call it valid. */
  known: boolean;
  status: PlatformCertificateStatus;
  at: Date;
  revokedAt?: Date;
  reason?: string;
  sealId?: string;
  companyId?: string;
  notBefore?: Date;
  notAfter?: Date;
}

/**
 * The status of a platform-issued certificate at a moment, from its record (a strongly
 * consistent read by serial, so a revocation that committed is seen at once, unlike a CRL that
 * may be cached). A certificate revoked after `at` was valid at `at`: a document signed before a
 * seal was revoked keeps its valid signature.
 */
export async function certificateStatus(store: SealStore, query: { serial: string; at: Date }): Promise<CertificateStatusAnswer> {
  const serialNumber = normalizeSerial(query.serial);
  const data = await store.certificates.get(serialNumber, { consistent: true });
  if (!data) return { serialNumber, known: false, status: 'unknown', at: query.at };
  const base = {
    serialNumber,
    known: true,
    at: query.at,
    sealId: data.sealId,
    companyId: data.companyId,
    notBefore: new Date(data.notBefore),
    notAfter: new Date(data.notAfter),
  };
  const t = query.at.getTime();
  if (data.status === 'revoked' && new Date(data.revokedAt).getTime() <= t) {
    return { ...base, status: 'revoked', revokedAt: new Date(data.revokedAt), reason: data.revocationReason };
  }
  if (t < base.notBefore.getTime()) return { ...base, status: 'not_yet_valid' };
  if (t > base.notAfter.getTime()) return { ...base, status: 'expired' };
  return { ...base, status: 'valid' };
}
