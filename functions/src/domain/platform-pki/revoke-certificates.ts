import type { RevocationReason } from '../../engines/pki';
import { algorithmOfKey } from '../../engines/pki/algorithms';
import type { SealStore, WriteOp } from '../../ports/seal-store';
import { CRL_ISSUERS } from './crl-issuers';

/** The P-256 root's CRL in `CrlState` (and the issuer of records made before there were two). */
export const PLATFORM_CRL = CRL_ISSUERS['ecdsa-p256-sha256'];

/** A certificate to revoke: its serial, and the credential key it certifies (whose algorithm says which CA issued it). */
export interface RevokedCertificate {
  serial: string;
  /** The credential's public key, base64 DER SubjectPublicKeyInfo. */
  publicKey: string;
}

/** The CRL that lists a credential's certificate: the CA of its key's algorithm. */
export function crlIssuerOf(publicKey: string): string {
  const algorithm = algorithmOfKey(new Uint8Array(Buffer.from(publicKey, 'base64')));
  return algorithm ? CRL_ISSUERS[algorithm] : PLATFORM_CRL;
}

/**
 * The writes that revoke certificates: each record flips `issued → revoked` (conditional,
 * so a certificate is never revoked twice and its first revocation time stands), and the revocation
 * count of the CRL that lists it grows by as many, in the same transaction, so the published CRL
 * knows it is behind even if the process dies before refreshing it.
 */
export function certificateRevocationWrites(
  store: SealStore,
  certificates: readonly RevokedCertificate[],
  revocation: { reason: RevocationReason; at: Date },
): WriteOp[] {
  if (certificates.length === 0) return [];
  const at = revocation.at.toISOString();
  const perCrl = new Map<string, number>();
  for (const c of certificates) perCrl.set(crlIssuerOf(c.publicKey), (perCrl.get(crlIssuerOf(c.publicKey)) ?? 0) + 1);
  return [
    ...certificates.map((c) => store.certificates.revoke(c.serial, { reason: revocation.reason, at })),
    ...[...perCrl].map(([issuer, count]) => store.crl.countRevocations(issuer, count)),
  ];
}

/** The record of a newly issued certificate, written with the credential that holds it. */
export function certificateRecordWrite(
  store: SealStore,
  record: { serial: string; companyId: string; sealId: string; credentialId: string; notBefore: Date; notAfter: Date; issuer: string },
): WriteOp {
  return store.certificates.record({
    serial: record.serial,
    companyId: record.companyId,
    sealId: record.sealId,
    credentialId: record.credentialId,
    notBefore: record.notBefore.toISOString(),
    notAfter: record.notAfter.toISOString(),
    // Records of the P-256 root keep no issuer, as before SM2 existed.
    ...(record.issuer === PLATFORM_CRL ? {} : { issuer: record.issuer }),
  });
}
