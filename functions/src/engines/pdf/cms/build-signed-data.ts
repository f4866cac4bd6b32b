import type { DigestSigner } from '../trust/pki';
// Not through trust/pki.ts: verification imports that file, and the builder's ASN.1 schemas would follow it.
import { buildSignedData } from '../../pki/signed-data';
import { sha256 } from '../../pki/bytes';
import { OID } from '../../pki/oids';

export interface CadesInput {
  /** SHA-256 of the signed byte ranges. */
  contentDigest: Uint8Array;
  signer: DigestSigner;
  /** DER certificates, signer first, then up to the root. */
  certificateChain: Uint8Array[];
  /** RFC 3161 token over the signature value, added as an unsigned attribute. */
  timestamp?: (imprint: Uint8Array) => Promise<Uint8Array>;
}

/**
 * A detached CAdES (PAdES baseline B-T) SignedData: content-type, message-digest and
 * ESS signing-certificate-v2 signed attributes (no signing-time, as PAdES requires), the
 * chain in the certificate set, and a signature time-stamp token as unsigned attribute.
 * The private-key step is one `signDigest` call, so KMS-held keys work unchanged.
 */
export async function buildCadesSignature(input: CadesInput): Promise<Uint8Array> {
  const [leaf] = input.certificateChain;
  if (!leaf) throw new Error('certificate chain is empty');
  const timestamp = input.timestamp;
  return buildSignedData({
    signer: input.signer,
    signerCertificate: leaf,
    certificates: input.certificateChain,
    contentType: OID.data,
    contentDigest: input.contentDigest,
    ...(timestamp
      ? {
          unsignedAttributes: async (signature: Uint8Array) =>
            [[OID.signatureTimeStampToken, await timestamp(sha256(signature))]] as [string, Uint8Array][],
        }
      : {}),
  });
}
