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
 * type says so). SM2 will be { keySpec: 'SM2', signingAlgorithm: 'SM2DSA' } (KMS in the China
 * regions): with MessageType DIGEST, KMS signs the SM3(Z ‖ M) the caller computed.
 */
export const KMS_SIGNING_KEYS: Record<SignatureAlgorithmId, KmsSigningKey> = {
  'ecdsa-p256-sha256': { keySpec: 'ECC_NIST_P256', signingAlgorithm: 'ECDSA_SHA_256' },
};
