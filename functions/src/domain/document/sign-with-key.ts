import { DomainError } from '@seal/shared';
import type { DocumentSigner, SignatureRequest, Timestamper } from '../../ports/document-format';
import type { Signer } from '../../ports/signer';

/**
 * A signature with a key the platform holds (KMS, or a KMS envelope unwrapped for this request):
 * both phases in one call, the digest going to the key in between. A key on the user's device
 * (UKey) will run the same two phases in two requests, its token signing in between (decision 0046).
 */
export async function signWithKey(
  format: DocumentSigner,
  bytes: Uint8Array,
  request: Omit<SignatureRequest, 'signer'> & { signer: Omit<SignatureRequest['signer'], 'algorithm'> },
  signer: Signer,
  timestamp: Timestamper,
): Promise<Uint8Array> {
  const prepared = await format.prepare(bytes, { ...request, signer: { ...request.signer, algorithm: signer.algorithm } });
  try {
    return await format.complete(prepared, await signer.signDigest(prepared.digestToSign), timestamp);
  } catch (error) {
    // The platform's own key signed what it was given: a value that does not verify is our fault, not the user's.
    if (error instanceof DomainError && error.code === 'UKEY_SIGNATURE_INVALID') throw new DomainError('INTERNAL', undefined, undefined, { cause: error });
    throw error;
  }
}
