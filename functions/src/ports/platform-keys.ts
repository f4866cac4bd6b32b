import type { Signer } from './signer';

/** A platform key's signer, naming the key so a stored certificate can be checked against it. */
export interface PlatformSigner extends Signer {
  readonly keyId: string;
}

/**
 * The `PlatformKeys` port: the platform root CA's and timestamp authority's keys, held where they
 * never leave (KMS), found by their fixed names. Only the bootstrap step makes them (`ensure`):
 * a user's request never creates a platform key.
 */
export interface PlatformKeys {
  /** The keys; PLATFORM_NOT_READY when the bootstrap has not made them. */
  signers(): Promise<{ root: PlatformSigner; tsa: PlatformSigner }>;
  /** Bootstrap only: makes any platform key that is missing (idempotent, safe when run twice at once). */
  ensure(): Promise<void>;
  /** Resolves when the root CA key is reachable (health probe). */
  ping(): Promise<void>;
}
