import { OID, WEAK_DIGESTS } from './oids';
import { essCertIds } from './ess';
import { viewCertificate, type CertificateView } from './certificate-view';
import { extendedKeyUsagesIn, extensionOf } from './read-extensions';
import { readTstInfo } from './timestamp-token-structure';
import { readSignedData } from './read-signed-data';
import { digestOf, verifySignerInfo } from './verify-signer-info';
import { readTlv } from './der';
import { bytesEqual } from './bytes';
import { PkiError } from './errors';

/** What is wrong with a token's own signature or its certificate. */
export type TimestampTokenProblem =
  | 'CONTENT_DIGEST_MISMATCH'
  | 'CONTENT_TYPE_MISMATCH'
  | 'ALGORITHM_UNSUPPORTED'
  | 'ESS_CERTIFICATE_MISSING'
  | 'TSA_CERTIFICATE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'NOT_A_TSA_CERTIFICATE'
  | 'TSA_CERTIFICATE_EXPIRED_AT_GENTIME';

export interface TimestampTokenInfo {
  genTime: Date;
  /** The timestamped digest (for a PAdES signature: SHA-256 of the signature value). */
  messageImprint: Uint8Array;
  hashAlgorithm: string;
  /** The token's serial number, hex. */
  serial: string;
  nonce?: string;
  policyOid: string;
  /** DER of the certificate that signed the token, when the token carries it or the caller gave it. */
  tsaCertificate?: Uint8Array;
  /** Every certificate carried in the token (DER). */
  certificates: Uint8Array[];
  /** The CMS signature verifies, the message digest matches TSTInfo and ESS binds the TSA certificate. */
  signatureValid: boolean;
  /** The signing certificate is a TSA certificate (critical EKU timeStamping only) valid at genTime. */
  certificateValid: boolean;
  /** Why signatureValid or certificateValid is false (the words are the caller's). */
  problems: TimestampTokenProblem[];
  /** Algorithms too weak to rely on ('sha1', 'rsa-1024', …). */
  weak: string[];
}

/**
 * Reads an RFC 3161 TimeStampToken and verifies its signature and its certificate. Chain trust and the
 * imprint comparison are in `verifyTimestampToken`. Throws PkiError(PKI_MALFORMED) on unreadable input.
 * The token is CMS SignedData read with the one DER/BER reader (read-signed-data.ts); its signature is
 * checked over the signed attributes exactly as they were encoded, with whatever algorithm the TSA used.
 */
export function readTimestampToken(der: Uint8Array, options: { tsaCertificate?: Uint8Array } = {}): TimestampTokenInfo {
  const top = readTlv(der, 0, der.length, { ber: true });
  if (top.after !== der.length) throw new PkiError('PKI_MALFORMED', '时间戳令牌格式无法识别');
  const signedData = readSignedData(der);
  const { eContentType, eContent, certificates, signers } = signedData;
  if (eContentType !== OID.tstInfo || !eContent) throw new PkiError('PKI_MALFORMED', '不是时间戳令牌');
  const tstInfo = readTstInfo(eContent);
  const signer = signers[0];
  if (!signer || signers.length !== 1) throw new PkiError('PKI_MALFORMED', '时间戳令牌必须恰有一个签名者');

  const essIds = essCertIds(signer.attributes);
  const candidates = [...certificates, ...(options.tsaCertificate ? [options.tsaCertificate] : [])];
  // The TSA certificate is the one the signer committed to by hash (ESS), not merely one with a matching name.
  const tsaCertificate = candidates.find((candidate) => essIds.some((id) => bytesEqual(digestOf(id.hashAlgorithm, [candidate]) ?? new Uint8Array(), id.certHash)));
  const check = verifySignerInfo({ signedData, signer, content: [eContent], extraCertificates: tsaCertificate ? [tsaCertificate] : [] });

  const signatureProblems: TimestampTokenProblem[] = [];
  if (!check.digestMatches) signatureProblems.push('CONTENT_DIGEST_MISMATCH');
  if (check.contentTypeMatches === false || !check.hasSignedAttributes) signatureProblems.push('CONTENT_TYPE_MISMATCH');
  if (!check.supported) signatureProblems.push('ALGORITHM_UNSUPPORTED');
  if (essIds.length === 0) signatureProblems.push('ESS_CERTIFICATE_MISSING');
  let certificateProblems: TimestampTokenProblem[] = ['TSA_CERTIFICATE_MISSING'];
  if (tsaCertificate) {
    if (!check.signatureVerifies || !check.signerCertificate || !bytesEqual(check.signerCertificate, tsaCertificate)) signatureProblems.push('SIGNATURE_INVALID');
    certificateProblems = tsaCertificateProblems(viewCertificate(tsaCertificate), tstInfo.genTime);
  }
  const weak = [...new Set([...check.weak, ...(WEAK_DIGESTS.has(tstInfo.hashAlgorithm) ? ['sha1'] : [])])];
  return {
    ...tstInfo,
    ...(tsaCertificate ? { tsaCertificate } : {}),
    certificates,
    signatureValid: tsaCertificate !== undefined && signatureProblems.length === 0,
    certificateValid: tsaCertificate !== undefined && certificateProblems.length === 0,
    problems: [...signatureProblems, ...certificateProblems],
    weak,
  };
}

/** RFC 3161 §2.3: exactly one EKU, id-kp-timeStamping, critical; and valid when the token was made. */
function tsaCertificateProblems(certificate: CertificateView, genTime: Date): TimestampTokenProblem[] {
  const problems: TimestampTokenProblem[] = [];
  const eku = extendedKeyUsagesIn(certificate);
  if (!eku || eku.length !== 1 || eku[0] !== OID.kpTimeStamping || !extensionOf(certificate, OID.extKeyUsage)?.critical)
    problems.push('NOT_A_TSA_CERTIFICATE');
  if (genTime < certificate.notBefore || genTime > certificate.notAfter) problems.push('TSA_CERTIFICATE_EXPIRED_AT_GENTIME');
  return problems;
}
