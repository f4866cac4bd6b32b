import type { RevocationReason } from '../../engines/pki';
import type { TxEntities } from '../../adapters/dynamodb/commit';

/** The CRL's issuer key in `CrlState`: one CA today, room for an issuing CA later. */
export const PLATFORM_CRL = 'platform-root';

/**
 * Transaction items that revoke certificates: each record flips `issued → revoked` (conditional,
 * so a certificate is never revoked twice and its first revocation time stands), and the CRL's
 * revocation count grows by as many, in the same transaction, so the published CRL knows it is
 * behind even if the process dies before refreshing it.
 */
export function certificateRevocationWrites(
  entities: TxEntities,
  serials: readonly string[],
  revocation: { reason: RevocationReason; at: Date },
): unknown[] {
  if (serials.length === 0) return [];
  return [
    ...serials.map((serial) =>
      entities.certificate
        .patch({ serial })
        .set({ status: 'revoked', revokedAt: revocation.at.toISOString(), revocationReason: revocation.reason })
        .where((a, op) => op.eq(a.status, 'issued'))
        .commit(),
    ),
    entities.crlState.update({ issuer: PLATFORM_CRL }).add({ revocationCount: serials.length }).commit(),
  ];
}

/** The record of a newly issued certificate, written with the credential that holds it. */
export function certificateRecordWrite(
  entities: TxEntities,
  record: { serial: string; companyId: string; sealId: string; credentialId: string; notBefore: Date; notAfter: Date },
): unknown {
  return entities.certificate
    .create({
      serial: record.serial,
      companyId: record.companyId,
      sealId: record.sealId,
      credentialId: record.credentialId,
      notBefore: record.notBefore.toISOString(),
      notAfter: record.notAfter.toISOString(),
      status: 'issued',
    })
    .commit();
}
