/**
 * The one thing every platform key can do: sign a SHA-256 digest with ECDSA P-256.
 * The root CA, the timestamp authority and every seal credential sign through this port,
 * whether the private key lives in KMS (asymmetric key, `Sign` with MessageType DIGEST),
 * is unwrapped from a KMS envelope for one request, or is an in-memory test key.
 */
export interface DigestSigner {
  /** The public key as DER SubjectPublicKeyInfo. */
  publicKeySpki(): Promise<Uint8Array>;
  /** ECDSA P-256 signature over a 32-byte SHA-256 digest, DER-encoded (Ecdsa-Sig-Value), as KMS Sign returns it. */
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
}
