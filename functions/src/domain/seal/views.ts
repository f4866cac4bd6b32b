import type { CredentialKeyContext, CredentialKeyRecord } from '../../ports/key-custody';
import type { CredentialItem } from '../credential/find-credential';
import { certificateView } from '../platform-pki/issue-seal-certificate';
import type { SealRecord } from '../../ports/seal-store';
import { DEFAULT_SEAL_ALGORITHM, type SealAlgorithm } from '@seal/shared';

export type SealItem = SealRecord;

export function sealView(seal: SealItem) {
  return { sealId: seal.sealId, companyId: seal.companyId, kind: seal.kind, name: seal.name, state: seal.state, algorithm: sealAlgorithmOf(seal), expiresOn: seal.expiresOn, version: seal.version };
}

/** A seal made before the algorithm was recorded has the platform's first one (P-256). */
export function sealAlgorithmOf(seal: Pick<SealItem, 'algorithm'>): SealAlgorithm {
  return seal.algorithm ?? DEFAULT_SEAL_ALGORITHM;
}

export function certificateDer(credential: Pick<CredentialItem, 'certificate'>): Uint8Array {
  return new Uint8Array(Buffer.from(credential.certificate, 'base64'));
}

export function credentialView(credential: CredentialItem) {
  return {
    credentialId: credential.credentialId,
    sealId: credential.sealId,
    companyId: credential.companyId,
    state: credential.state,
    medium: credential.medium,
    custody: credential.custody,
    createdAt: credential.createdAt,
    certificate: certificateView(certificateDer(credential)),
  };
}

export function keyRecordOf(credential: Pick<CredentialItem, 'custody' | 'keyRef' | 'publicKey'>): CredentialKeyRecord {
  return { custody: credential.custody, keyRef: credential.keyRef, publicKeySpki: new Uint8Array(Buffer.from(credential.publicKey, 'base64')) };
}

export function keyContextOf(credential: Pick<CredentialItem, 'companyId' | 'sealId' | 'credentialId'>): CredentialKeyContext {
  return { companyId: credential.companyId, sealId: credential.sealId, credentialId: credential.credentialId };
}

/** `YYYY-MM-DD` (UTC) of a certificate's notAfter: the renewal job's `byExpiry` key. */
export function expiryDay(notAfter: Date): string {
  return notAfter.toISOString().slice(0, 10);
}

/** The seal's expiry day is the earliest among its live certificates; none → never. */
export const NO_EXPIRY = '9999-12-31';
export function earliestExpiry(days: readonly string[]): string {
  return days.reduce((min, d) => (d < min ? d : min), NO_EXPIRY);
}
