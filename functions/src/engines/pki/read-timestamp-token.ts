import { OID } from './oids';
import { readSigningCertificateV2 } from './ess';
import { viewCertificate, type CertificateView } from './certificate-view';
import { extendedKeyUsagesIn, extensionOf } from './read-extensions';
import { readTokenStructure, readTstInfo } from './timestamp-token-structure';
import { contentOf, oidOf } from './der-values';
import { readTlv, TAG } from './der';
import { algorithmBySignatureOid } from './algorithms';
import { bytesEqual, sha256 } from './bytes';
import { PkiError } from './errors';

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
  /** Why signatureValid or certificateValid is false, in plain Chinese. */
  problems: string[];
}

/**
 * Reads an RFC 3161 TimeStampToken and verifies its signature and its certificate. Chain trust and the
 * imprint comparison are in `verifyTimestampToken`. Throws PkiError(PKI_MALFORMED) on unreadable input.
 * The token is walked as DER (timestamp-token-structure.ts) and the signature is checked over the
 * signed attributes exactly as they were encoded.
 */
export function readTimestampToken(der: Uint8Array, options: { tsaCertificate?: Uint8Array } = {}): TimestampTokenInfo {
  const { eContentType, eContent, certificates, signers } = readTokenStructure(der);
  if (eContentType !== OID.tstInfo || !eContent) throw new PkiError('PKI_MALFORMED', '不是时间戳令牌');
  const tstInfo = readTstInfo(eContent);
  const signer = signers[0];
  if (!signer || signers.length !== 1) throw new PkiError('PKI_MALFORMED', '时间戳令牌必须恰有一个签名者');

  const essIds = readSigningCertificateV2(signer.attributes.get(OID.signingCertificateV2));
  const candidates = [...certificates, ...(options.tsaCertificate ? [options.tsaCertificate] : [])];
  // The TSA certificate is the one the signer committed to by hash (ESS), not merely one with a matching name.
  const tsaCertificate = candidates.find((candidate) =>
    essIds.some((id) => id.hashAlgorithm === OID.sha256 && bytesEqual(id.certHash, sha256(candidate))),
  );

  const signatureProblems: string[] = [];
  const digest = signer.attributes.get(OID.messageDigest);
  const contentType = signer.attributes.get(OID.contentType);
  // A token signed with an algorithm the platform signs with, and that algorithm's digest.
  const algorithm = algorithmBySignatureOid(signer.signatureAlgorithm);
  if (!algorithm || signer.digestAlgorithm !== algorithm.hash.oid) signatureProblems.push('时间戳签名算法不受支持');
  else if (!digest || !isOctetString(digest, algorithm.hash.digest(eContent))) signatureProblems.push('时间戳内容与签名摘要不符');
  if (!contentType || oidOf(contentType, readTlv(contentType, 0)) !== OID.tstInfo) signatureProblems.push('时间戳内容类型不符');
  if (essIds.length === 0) signatureProblems.push('时间戳缺少签名证书属性（ESS signing-certificate-v2）');
  let certificateProblems: string[] = ['时间戳令牌未携带其签名证书'];
  if (tsaCertificate) {
    const certificate = viewCertificate(tsaCertificate);
    if (algorithm && !algorithm.verify(signer.signedAttributes, signer.signature, certificate.subjectPublicKeyInfo))
      signatureProblems.push('时间戳签名无效');
    certificateProblems = tsaCertificateProblems(certificate, tstInfo.genTime);
  }
  return {
    ...tstInfo,
    ...(tsaCertificate ? { tsaCertificate } : {}),
    certificates,
    signatureValid: tsaCertificate !== undefined && signatureProblems.length === 0,
    certificateValid: tsaCertificate !== undefined && certificateProblems.length === 0,
    problems: [...signatureProblems, ...certificateProblems],
  };
}

/** An OCTET STRING holding exactly `expected`. */
function isOctetString(encoding: Uint8Array, expected: Uint8Array): boolean {
  const tlv = readTlv(encoding, 0);
  return tlv.tag === TAG.octetString && tlv.end === encoding.length && bytesEqual(contentOf(encoding, tlv), expected);
}

/** RFC 3161 §2.3: exactly one EKU, id-kp-timeStamping, critical; and valid when the token was made. */
function tsaCertificateProblems(certificate: CertificateView, genTime: Date): string[] {
  const problems: string[] = [];
  const eku = extendedKeyUsagesIn(certificate);
  if (!eku || eku.length !== 1 || eku[0] !== OID.kpTimeStamping || !extensionOf(certificate, OID.extKeyUsage)?.critical)
    problems.push('时间戳证书不是专用的时间戳证书');
  if (genTime < certificate.notBefore || genTime > certificate.notAfter) problems.push('时间戳生成时时间戳证书不在有效期内');
  return problems;
}
