import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeOid, OID } from './oids';
import { readSigningCertificateV2 } from './ess';
import { extendedKeyUsagesOf, findExtension, parseCertificate, serialHex } from './certificate';
import { ecdsaSha256Verifies } from './ecdsa';
import { bytesEqual, sha256, toArrayBuffer } from './bytes';
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
 */
export function readTimestampToken(der: Uint8Array, options: { tsaCertificate?: Uint8Array } = {}): TimestampTokenInfo {
  const { signedData, certificates } = parseToken(der);
  const eContent = signedData.encapContentInfo.eContent;
  if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !eContent) throw new PkiError('PKI_MALFORMED', '不是时间戳令牌');
  const tstInfoDer = new Uint8Array(eContent.getValue());
  let tstInfo: pkijs.TSTInfo;
  try {
    tstInfo = pkijs.TSTInfo.fromBER(toArrayBuffer(tstInfoDer));
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', '时间戳内容无法识别', { cause });
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo || signedData.signerInfos.length !== 1) throw new PkiError('PKI_MALFORMED', '时间戳令牌必须恰有一个签名者');

  const attribute = (type: string) => signerInfo.signedAttrs?.attributes.find((item) => item.type === type)?.values[0];
  const essIds = readSigningCertificateV2(attribute(OID.signingCertificateV2));
  const candidates = [...certificates, ...(options.tsaCertificate ? [options.tsaCertificate] : [])];
  // The TSA certificate is the one the signer committed to by hash (ESS), not merely one with a matching name.
  const tsaCertificate = candidates.find((candidate) =>
    essIds.some((id) => id.hashAlgorithm === OID.sha256 && bytesEqual(id.certHash, sha256(candidate))),
  );

  const signatureProblems: string[] = [];
  const digest = attribute(OID.messageDigest);
  const contentType = attribute(OID.contentType);
  if (!(digest instanceof asn1js.OctetString) || !bytesEqual(digest.valueBlock.valueHexView, sha256(tstInfoDer)))
    signatureProblems.push('时间戳内容与签名摘要不符');
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.tstInfo)
    signatureProblems.push('时间戳内容类型不符');
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256 || signerInfo.signatureAlgorithm.algorithmId !== OID.ecdsaWithSha256)
    signatureProblems.push('时间戳签名算法不受支持');
  if (essIds.length === 0) signatureProblems.push('时间戳缺少签名证书属性（ESS signing-certificate-v2）');
  let certificateProblems: string[] = ['时间戳令牌未携带其签名证书'];
  if (tsaCertificate) {
    const certificate = parseCertificate(tsaCertificate);
    const signedAttrs = signerInfo.signedAttrs ? new Uint8Array(signerInfo.signedAttrs.encodedValue) : new Uint8Array();
    const spki = new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
    if (!ecdsaSha256Verifies(spki, signedAttrs, signerInfo.signature.valueBlock.valueHexView)) signatureProblems.push('时间戳签名无效');
    certificateProblems = tsaCertificateProblems(certificate, tstInfo.genTime);
  }
  return {
    genTime: tstInfo.genTime,
    messageImprint: tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView.slice(),
    hashAlgorithm: tstInfo.messageImprint.hashAlgorithm.algorithmId,
    serial: serialHex(tstInfo.serialNumber),
    ...(tstInfo.nonce ? { nonce: serialHex(tstInfo.nonce) } : {}),
    policyOid: policyOf(tstInfoDer),
    ...(tsaCertificate ? { tsaCertificate } : {}),
    certificates,
    signatureValid: tsaCertificate !== undefined && signatureProblems.length === 0,
    certificateValid: tsaCertificate !== undefined && certificateProblems.length === 0,
    problems: [...signatureProblems, ...certificateProblems],
  };
}

/** TSTInfo's second field, decoded without asn1js's precision limit (see decodeOid). */
function policyOf(tstInfoDer: Uint8Array): string {
  const sequence = asn1js.fromBER(toArrayBuffer(tstInfoDer)).result as asn1js.Sequence;
  const policy = sequence.valueBlock.value[1];
  if (!(policy instanceof asn1js.ObjectIdentifier)) return '';
  const encoded = policy.valueBeforeDecodeView; // tag, length, content
  const lengthByte = encoded[1] ?? 0;
  return decodeOid(encoded.subarray(2 + (lengthByte & 0x80 ? lengthByte & 0x7f : 0)));
}

/** RFC 3161 §2.3: exactly one EKU, id-kp-timeStamping, critical; and valid when the token was made. */
function tsaCertificateProblems(certificate: pkijs.Certificate, genTime: Date): string[] {
  const problems: string[] = [];
  const eku = extendedKeyUsagesOf(certificate);
  if (!eku || eku.length !== 1 || eku[0] !== OID.kpTimeStamping || !findExtension(certificate, OID.extKeyUsage)?.critical)
    problems.push('时间戳证书不是专用的时间戳证书');
  if (genTime < certificate.notBefore.value || genTime > certificate.notAfter.value) problems.push('时间戳生成时时间戳证书不在有效期内');
  return problems;
}

/** ContentInfo → SignedData, plus the exact DER of every carried certificate (for ESS hashes). */
function parseToken(der: Uint8Array): { signedData: pkijs.SignedData; certificates: Uint8Array[] } {
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(der));
    if (asn1.offset === -1 || asn1.offset !== der.length) throw new Error('not exactly one BER value');
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID.signedData) throw new Error('not SignedData');
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const signedDataBlock = contentInfo.content as asn1js.Sequence;
    const certificateSet = signedDataBlock.valueBlock.value.find(
      (block) => block.idBlock.tagClass === 3 && block.idBlock.tagNumber === 0,
    ) as asn1js.Constructed | undefined;
    const certificates = (certificateSet?.valueBlock.value ?? [])
      .filter((block) => block instanceof asn1js.Sequence)
      .map((block) => new Uint8Array(block.valueBeforeDecodeView));
    return { signedData, certificates };
  } catch (cause) {
    if (cause instanceof PkiError) throw cause;
    throw new PkiError('PKI_MALFORMED', '时间戳令牌格式无法识别', { cause });
  }
}
