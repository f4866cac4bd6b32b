import type { KeySpec, SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import type { SignatureAlgorithmId } from '../../ports/signer';

export interface KmsSigningKey {
  /** The KMS key spec that makes keys of the algorithm. */
  keySpec: KeySpec;
  /** What `Sign` is told, with MessageType DIGEST: the digest is the algorithm's `digestToSign`. */
  signingAlgorithm: SigningAlgorithmSpec;
}

/**
 * How KMS names each platform algorithm. Every algorithm of the PKI engine's table needs a row (the
 * type says so). SM2 keys exist in KMS in the China regions only (`KeySpec: SM2`, `SM2DSA`): with
 * MessageType DIGEST, KMS signs the e = SM3(Z ‖ M) the caller computed with the table's
 * distinguishing ID ("Offline operations with SM2" in the KMS developer guide). Elsewhere SM2 keys
 * are made in the function and wrapped by KMS (kms-envelope), decision 0075.
 */
export const KMS_SIGNING_KEYS: Record<SignatureAlgorithmId, KmsSigningKey> = {
  'ecdsa-p256-sha256': { keySpec: 'ECC_NIST_P256', signingAlgorithm: 'ECDSA_SHA_256' },
  'sm2-sm3': { keySpec: 'SM2', signingAlgorithm: 'SM2DSA' },
};
