import { algorithmOfKey, digestOf, DIGEST_NAMES, OID, publicKeyOf, readSignedData, verifySignerInfo, viewCertificate } from '../trust/pki';

/** What a signature dictionary's /Contents says about the signed bytes: nothing here knows about trust. */
export interface CheckedSignature {
  /** DER of the certificate matching the signer identifier, if it is carried. */
  signerCertificate?: Uint8Array;
  /** DER of every certificate carried. */
  certificates: Uint8Array[];
  /** The signer's digest matches the signed byte ranges. */
  digestMatches: boolean;
  /** The signature verifies with the signer certificate's key. */
  signatureVerifies: boolean;
  /** ESS signing-certificate(-v2) names the signer certificate; null when absent. */
  signingCertificateBound: boolean | null;
  /** The CMS carries no content of its own, as a detached PDF signature must. */
  detached: boolean;
  /** The algorithms are ones the verifier can check. */
  supported: boolean;
  weak: string[];
  /** e.g. sha256 */
  digestAlgorithm: string | null;
  /** e.g. ecdsa-p256, sm2, rsa-2048, rsa-pss-3072 */
  signatureAlgorithm: string | null;
  signatureValue: Uint8Array;
  /** The RFC 3161 signature timestamp token (unsigned attribute), when there is one. */
  timestampToken?: Uint8Array;
}

/**
 * Reads the CMS of a PDF signature (BER or DER, one SignerInfo) and checks it over the signed
 * byte ranges: ETSI.CAdES.detached and adbe.pkcs7.detached (with or without signed attributes),
 * and adbe.pkcs7.sha1 (the SHA-1 digest of the ranges is the encapsulated content). Throws when
 * the CMS cannot be read at all.
 */
export function checkSignedData(
  cms: Uint8Array,
  ranges: Uint8Array[],
  subFilter: string | undefined,
  /** The ranges' digest by digest-algorithm OID, when the caller has it already (a verifier hashes all signatures in one read). */
  digestRanges?: (algorithmOid: string) => Uint8Array | undefined,
): CheckedSignature {
  const signedData = readSignedData(cms);
  const signer = signedData.signers[0];
  if (!signer || signedData.signers.length !== 1) throw new Error('expected exactly one signer');
  const sha1Style = subFilter === 'adbe.pkcs7.sha1';
  const content = sha1Style ? (signedData.eContent ? [signedData.eContent] : []) : ranges;
  const check = verifySignerInfo({ signedData, signer, content, ...(sha1Style || !digestRanges ? {} : { digestContent: digestRanges }) });
  let digestMatches = check.digestMatches;
  if (sha1Style) {
    const expected = digestRanges?.(OID.sha1) ?? digestOf(OID.sha1, ranges)!;
    digestMatches = digestMatches && !!signedData.eContent && Buffer.from(signedData.eContent).equals(Buffer.from(expected));
  }
  const weak = new Set(check.weak);
  if (sha1Style) weak.add('sha1');
  return {
    ...(check.signerCertificate ? { signerCertificate: check.signerCertificate } : {}),
    certificates: signedData.certificates,
    digestMatches,
    signatureVerifies: check.signatureVerifies,
    signingCertificateBound: check.signingCertificateBound,
    detached: sha1Style || signedData.eContent === undefined,
    supported: check.supported,
    weak: [...weak],
    digestAlgorithm: DIGEST_NAMES[signer.digestAlgorithm] ?? null,
    signatureAlgorithm: check.signerCertificate ? keyAlgorithm(check.signerCertificate, signer.signatureAlgorithmOid) : null,
    signatureValue: signer.signature,
    ...(signer.unsignedAttributes.get(OID.signatureTimeStampToken)?.[0] ? { timestampToken: signer.unsignedAttributes.get(OID.signatureTimeStampToken)![0] } : {}),
  };
}

const CURVES: Record<string, string> = { prime256v1: 'p256', secp384r1: 'p384', secp521r1: 'p521' };

/** The signer's key as people name it: ecdsa-p256, sm2, rsa-2048, rsa-pss-2048. */
function keyAlgorithm(certificate: Uint8Array, signatureOid: string): string | null {
  try {
    const spki = viewCertificate(certificate).subjectPublicKeyInfo;
    // node:crypto names no curve for an SM2 key (decision 0075): the algorithm table recognises it.
    if (algorithmOfKey(spki) === 'sm2-sm3') return 'sm2';
    const key = publicKeyOf(spki);
    const details = key.asymmetricKeyDetails;
    if (key.asymmetricKeyType === 'ec') return `ecdsa-${CURVES[details?.namedCurve ?? ''] ?? details?.namedCurve ?? 'unknown'}`;
    if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') return `${signatureOid === OID.rsassaPss ? 'rsa-pss' : 'rsa'}-${details?.modulusLength ?? '?'}`;
    return key.asymmetricKeyType ?? null;
  } catch {
    return null;
  }
}
