import type { SignatureAlgorithmId } from './algorithms';
import { signatureAlgorithm } from './algorithms';

/**
 * A private key the platform signs with, whatever holds it: KMS (an asymmetric key, `Sign` with
 * MessageType DIGEST), a KMS envelope unwrapped for one request, a token on the user's device, or an
 * in-memory test key. It says which algorithm its key does; the digest it is given is the one that
 * algorithm computes (`SignatureAlgorithm.digestToSign`), never assumed to be SHA-256 of the message.
 */
export interface Signer {
  readonly algorithm: SignatureAlgorithmId;
  /** The public key as DER SubjectPublicKeyInfo. */
  publicKeySpki(): Promise<Uint8Array>;
  /** The signature over a digest from `digestToSign`, encoded as the algorithm's verifiers take it (DER for ECDSA and SM2). */
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
}

/** Signs a whole message (a certificate's or CRL's TBS, CMS signed attributes): the algorithm makes the digest, the key signs it. */
export async function signMessage(signer: Signer, message: Uint8Array): Promise<Uint8Array> {
  const algorithm = signatureAlgorithm(signer.algorithm);
  return signer.signDigest(algorithm.digestToSign(message, await signer.publicKeySpki()));
}
