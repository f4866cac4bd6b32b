import type { Signer } from './signer';

/** A platform key's signer, naming the key so a stored certificate can be checked against it. */
export interface PlatformSigner extends Signer {
  readonly keyId: string;
}

/**
 * The `PlatformKeys` port: the platform root CA's and timestamp authority's keys, held where they
 * never leave (KMS), found (or created on first need) by their fixed names.
 */
export interface PlatformKeys {
  signers(): Promise<{ root: PlatformSigner; tsa: PlatformSigner }>;
  /** Resolves when the root CA key is reachable (health probe). */
  ping(): Promise<void>;
}
