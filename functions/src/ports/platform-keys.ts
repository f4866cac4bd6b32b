import type { Signer } from './signer';

/** A platform key's signer, naming the key so a stored certificate can be checked against it. */
export interface PlatformSigner extends Signer {
  readonly keyId: string;
}

/**
 * The `PlatformKeys` port: the platform root CA's and timestamp authority's keys, held where they
 * never leave (KMS), found (or created on first need) by their fixed names. Two hierarchies: P-256
 * (`signers`) and SM2 (`sm2Signers`: root CA, TSA and the seal maker that signs 印章数据, decision 0076).
 */
export interface PlatformKeys {
  signers(): Promise<{ root: PlatformSigner; tsa: PlatformSigner }>;
  sm2Signers(): Promise<{ root: PlatformSigner; tsa: PlatformSigner; sealMaker: PlatformSigner }>;
  /** Resolves when the root CA key is reachable (health probe). */
  ping(): Promise<void>;
}
