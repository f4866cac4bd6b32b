import type { SignatureAlgorithmId, Signer } from './signer';

/** A platform key's signer, naming the key so a stored certificate can be checked against it. */
export interface PlatformSigner extends Signer {
  readonly keyId: string;
}

/**
 * The `PlatformKeys` port: the platform root CA's and timestamp authority's keys, held where they
 * never leave (KMS), found by their fixed names. Only the bootstrap step makes them (`ensure`):
 * a user's request never creates a platform key. Two hierarchies: P-256 (`signers`) and SM2
 * (`sm2Signers`: root CA, TSA and the seal maker that signs 印章数据, decision 0076).
 */
export interface PlatformKeys {
  /** The keys; PLATFORM_NOT_READY when the bootstrap has not made them. */
  signers(): Promise<{ root: PlatformSigner; tsa: PlatformSigner }>;
  /** The SM2 keys; PLATFORM_NOT_READY when the bootstrap has not made them. */
  sm2Signers(): Promise<{ root: PlatformSigner; tsa: PlatformSigner; sealMaker: PlatformSigner }>;
  /**
   * The OCSP responder's key of a hierarchy, certified by that hierarchy's root (P-256: decision 0110;
   * SM2: decision 0230); PLATFORM_NOT_READY before the bootstrap.
   */
  ocspSigner(hierarchy: SignatureAlgorithmId): Promise<PlatformSigner>;
  /** Bootstrap only: makes any platform key that is missing, of both hierarchies (idempotent, safe when run twice at once). */
  ensure(): Promise<void>;
  /** Resolves when the root CA key is reachable (health probe). */
  ping(): Promise<void>;
}
