import type { RevocationReason } from '../../engines/pki';
import type { SealStore, WriteOp } from '../../ports/seal-store';

/** The CRL's issuer key in `CrlState`: one CA today, room for an issuing CA later. */
export const PLATFORM_CRL = 'platform-root';

/**
 * The writes that revoke certificates: each record flips `issued → revoked` (conditional,
 * so a certificate is never revoked twice and its first revocation time stands), and the CRL's
 * revocation count grows by as many, in the same transaction, so the published CRL knows it is
 * behind even if the process dies before refreshing it.
 */
export function certificateRevocationWrites(
  store: SealStore,
  serials: readonly string[],
  revocation: { reason: RevocationReason; at: Date },
): WriteOp[] {
  if (serials.length === 0) return [];
  const at = revocation.at.toISOString();
  return [...serials.map((serial) => store.certificates.revoke(serial, { reason: revocation.reason, at })), store.crl.countRevocations(PLATFORM_CRL, serials.length)];
}

/** The record of a newly issued certificate, written with the credential that holds it. */
export function certificateRecordWrite(
  store: SealStore,
  record: { serial: string; companyId: string; sealId: string; credentialId: string; notBefore: Date; notAfter: Date },
): WriteOp {
  return store.certificates.record({
    serial: record.serial,
    companyId: record.companyId,
    sealId: record.sealId,
    credentialId: record.credentialId,
    notBefore: record.notBefore.toISOString(),
    notAfter: record.notAfter.toISOString(),
  });
}
