import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import type { Ports, SealStore } from '../../ports';
import { certificateStatus, type CertificateStatusAnswer } from './certificate-status';

// Apart from certificate-status.ts: answering by serial needs no certificate parser (decision 0022).

/** The same, for a certificate (DER) as a verifier holds it. */
export async function certificateStatusOf(store: SealStore, query: { certificate: Uint8Array; at: Date }): Promise<CertificateStatusAnswer> {
  return certificateStatus(store, { serial: readSealCertificate(query.certificate).serialNumber, at: query.at });
}

/**
 * The PDF verifier's `RevocationCheck` (pdf/verify): 'revoked' only when revoked at or before the
 * signing time; 'unknown' for a serial the platform never issued. Expiry is the chain check's job.
 */
export function revocationCheck(services: Pick<Ports, 'store'>) {
  return async (certificate: Uint8Array, at: Date): Promise<'good' | 'revoked' | 'unknown'> => {
    const answer = await certificateStatusOf(services.store, { certificate, at });
    if (!answer.known) return 'unknown';
    return answer.status === 'revoked' ? 'revoked' : 'good';
  };
}
