import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { SignatureAlgorithmId } from '../../ports/signer';
import { generateSm2PrivateKey, signSm2Digest, sm2PublicKeyOf } from '../../engines/gm/sm2';
import { sm2Pkcs8FromPrivateKey, sm2PrivateKeyFromPkcs8, sm2SpkiFromPublicKey } from '../../engines/gm/keys';
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
 * Local key operations by algorithm. Every algorithm of the PKI engine's table needs a row. SM2 keys
 * come from engines/gm: node:crypto makes SM2-curve keys but signs with them as ECDSA.
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
  'sm2-sm3': {
    async generate() {
      const scalar = generateSm2PrivateKey();
      const der = sm2Pkcs8FromPrivateKey(scalar);
      try {
        return { pkcs8: Buffer.from(der), spki: sm2SpkiFromPublicKey(sm2PublicKeyOf(scalar)) };
      } finally {
        scalar.fill(0);
        der.fill(0);
      }
    },
    digestSigner(pkcs8) {
      const scalar = sm2PrivateKeyFromPkcs8(pkcs8);
      // The digest is e = SM3(Z ‖ M), computed by the algorithm table's digestToSign.
      return (digest) => signSm2Digest(scalar, digest);
    },
  },
};
