import type { SignatureAlgorithmId } from '../trust/pki';
// Not through trust/pki.ts: verification imports that file, and the builder's ASN.1 schemas would follow it.
import { completeSignedData, prepareSignedData, type PreparedSignedData } from '../../pki/signed-data';
import { signatureAlgorithm } from '../../pki/algorithms';
import { viewCertificate } from '../../pki/certificate-view';
import { sha256 } from '../../pki/bytes';
import { OID } from '../../pki/oids';

/**
 * How a PDF signature is written for each algorithm (decision 0180): the /SubFilter of the signature
 * dictionary and the content type of the SignedData. P-256 signs PAdES (ETSI.CAdES.detached, RFC
 * 5652); SM2 signs a GB/T 35275 SignedData (its own data and signedData OIDs) under
 * adbe.pkcs7.detached, as Chinese e-seal platforms write it: CAdES is defined over RFC 5652's OIDs,
 * which a GB/T 35275 SignedData does not carry.
 */
export const PDF_SIGNATURE_FORMS: Record<SignatureAlgorithmId, { subFilter: string; contentType: string }> = {
  'ecdsa-p256-sha256': { subFilter: 'ETSI.CAdES.detached', contentType: OID.data },
  'sm2-sm3': { subFilter: 'adbe.pkcs7.detached', contentType: OID.gmData },
};

export interface CadesRequest {
  algorithm: SignatureAlgorithmId;
  /** The algorithm's digest of the signed byte ranges. */
  contentDigest: Uint8Array;
  /** DER certificates, signer first, then up to the root. */
  certificateChain: Uint8Array[];
}

/**
 * The signed attributes of a detached PDF SignedData, CAdES (PAdES baseline) or GB/T 35275 by the
 * algorithm: content-type, message-digest and ESS signing-certificate-v2 (no signing-time, as PAdES
 * requires; the signature timestamp dates it), and the digest the signer's key must sign over them.
 */
export function prepareCadesSignature(request: CadesRequest): PreparedSignedData {
  const [leaf] = request.certificateChain;
  if (!leaf) throw new Error('certificate chain is empty');
  return prepareSignedData({
    algorithm: request.algorithm,
    signerCertificate: leaf,
    certificates: request.certificateChain,
    contentType: PDF_SIGNATURE_FORMS[request.algorithm].contentType,
    contentDigest: request.contentDigest,
  });
}

/** Whether a signature value is the signer certificate's key's, over the prepared attributes. */
export function signatureFits(prepared: PreparedSignedData, signature: Uint8Array): boolean {
  const publicKey = viewCertificate(prepared.signerCertificate).subjectPublicKeyInfo;
  return signatureAlgorithm(prepared.algorithm).verify(prepared.signedBytes, signature, publicKey);
}

/**
 * The SignedData around the signature value, with the chain in the certificate set and (PAdES
 * B-T) an RFC 3161 token over SHA-256 of the signature value as signature-time-stamp attribute.
 */
export async function completeCadesSignature(
  prepared: PreparedSignedData,
  signature: Uint8Array,
  timestamp?: (imprint: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const unsigned: [string, Uint8Array][] = timestamp ? [[OID.signatureTimeStampToken, await timestamp(sha256(signature))]] : [];
  return completeSignedData(prepared, signature, unsigned);
}
