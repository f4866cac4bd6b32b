import type { KeySpec } from './key-store';

/**
 * The signing algorithm each asymmetric key spec offers, as KMS names it. SM2 keys (China Regions)
 * sign with SM2DSA: with MessageType RAW, KMS computes e = SM3(Z_A ‖ M) itself with the default
 * distinguishing ID 1234567812345678 (no other ID can be set inside KMS); with DIGEST, the caller
 * sends that 32-byte e, computed with whatever ID it chose (AWS KMS developer guide, "Offline
 * operations with SM2").
 */
export const SIGNING_ALGORITHM: Partial<Record<KeySpec, 'ECDSA_SHA_256' | 'SM2DSA'>> = {
  ECC_NIST_P256: 'ECDSA_SHA_256',
  SM2: 'SM2DSA',
};
