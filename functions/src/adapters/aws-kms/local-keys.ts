import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { SignatureAlgorithmId } from '../../ports/signer';
import { privateScalar, signWithScalar } from './p256-digest';

const generateKeyPairAsync = promisify(generateKeyPair);

/** A credential key made and used in the function (kms-envelope custody), for one algorithm. */
export interface LocalKeyKind {
  /** A fresh key pair: PKCS#8 (the caller wraps it and wipes the buffer) and SubjectPublicKeyInfo. */
  generate(): Promise<{ pkcs8: Buffer; spki: Uint8Array }>;
  /**
   * A digest signer keeping only what signing needs, read from the PKCS#8 (which the caller wipes).
   * Nothing it closes over prints or serialises as a key.
   */
  digestSigner(pkcs8: Uint8Array): (digest: Uint8Array) => Uint8Array;
}

/**
 * Local key operations by algorithm. Every algorithm of the PKI engine's table needs a row; SM2's
 * will come from engines/gm (its signature over SM3(Z ‖ M), Z computed by the table's `digestToSign`).
 */
export const LOCAL_KEYS: Record<SignatureAlgorithmId, LocalKeyKind> = {
  'ecdsa-p256-sha256': {
    async generate() {
      const { privateKey, publicKey } = await generateKeyPairAsync('ec', { namedCurve: 'P-256' });
      return {
        pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }),
        spki: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
      };
    },
    digestSigner(pkcs8) {
      const scalar = privateScalar(pkcs8);
      return (digest) => signWithScalar(scalar, digest);
    },
  },
};
