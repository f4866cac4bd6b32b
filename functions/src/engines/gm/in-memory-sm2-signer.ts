import { DEFAULT_SM2_DISTINGUISHING_ID } from './constants';
import { sm2Pkcs8FromPrivateKey, sm2PrivateKeyFromPkcs8, sm2SpkiFromPublicKey } from './keys';
import { generateSm2PrivateKey, signSm2Digest, sm2MessageDigest, sm2PublicKeyOf } from './sm2';

/**
 * What every SM2 key can do, wherever it lives (memory, a KMS envelope, KMS `KeySpec: SM2`, a UKey):
 * sign a message with SM2-with-SM3, i.e. over e = SM3(Z_A ‖ M) where Z_A names the signer's
 * distinguishing ID and public key. To be adapted to the signer port when the domain is wired.
 */
export interface Sm2Signer {
  readonly algorithm: 'sm2-sm3';
  /** The distinguishing ID that goes into Z_A; a verifier must use the same one. */
  readonly distinguishingId: string;
  /** DER SubjectPublicKeyInfo (id-ecPublicKey, sm2p256v1). */
  publicKeySpki(): Promise<Uint8Array>;
  /** DER SEQUENCE { r, s } over e = SM3(Z_A ‖ message). */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** An SM2 key held in memory, for tests, local runs and envelope custody (the key unwrapped for one request). */
export class InMemorySm2Signer implements Sm2Signer {
  readonly algorithm = 'sm2-sm3';
  private readonly publicKey: Uint8Array;

  private constructor(
    private readonly privateKey: Uint8Array,
    readonly distinguishingId: string,
  ) {
    this.publicKey = sm2PublicKeyOf(privateKey);
  }

  /** A fresh random key. */
  static generate(distinguishingId: string = DEFAULT_SM2_DISTINGUISHING_ID): InMemorySm2Signer {
    return new InMemorySm2Signer(generateSm2PrivateKey(), distinguishingId);
  }

  /** An existing key as DER PKCS#8 (`openssl genpkey -algorithm SM2 -outform DER`, or `exportPkcs8()`). */
  static fromPkcs8(pkcs8: Uint8Array, distinguishingId: string = DEFAULT_SM2_DISTINGUISHING_ID): InMemorySm2Signer {
    return new InMemorySm2Signer(sm2PrivateKeyFromPkcs8(pkcs8), distinguishingId);
  }

  async publicKeySpki(): Promise<Uint8Array> {
    return sm2SpkiFromPublicKey(this.publicKey);
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return signSm2Digest(this.privateKey, sm2MessageDigest(this.publicKey, message, this.distinguishingId));
  }

  /** Signs a precomputed e = SM3(Z_A ‖ M), as KMS `Sign` does with MessageType DIGEST. */
  async signDigest(digest: Uint8Array): Promise<Uint8Array> {
    return signSm2Digest(this.privateKey, digest);
  }

  /** DER PKCS#8, to keep a local key between runs or wrap it in a KMS envelope. */
  exportPkcs8(): Uint8Array {
    return sm2Pkcs8FromPrivateKey(this.privateKey);
  }
}
