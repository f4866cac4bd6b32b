import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DigestSigner } from './digest-signer';
import { OID } from './oids';
import { signingCertificateV2Attribute } from './ess';
import { parseCertificate } from './certificate';
import { ecdsaWithSha256, integerFrom, sha256Algorithm, signTbs } from './sign-tbs';
import { bytesEqual, randomSerialNumber, sha256, toArrayBuffer } from './bytes';
import { PkiError } from './errors';

/** The platform TSA's policy. A UUID-based OID (X.667, arc 2.25): unique without registering an arc. */
export const DEFAULT_TSA_POLICY_OID = '2.25.329516015496054449014003598554822168381.1';

export interface TimestampTokenRequest {
  /** The TSA key (KMS in production). */
  signer: DigestSigner;
  /** DER of the TSA certificate (EKU id-kp-timeStamping). */
  tsaCertificate: Uint8Array;
  /** Further certificates to carry (DER), e.g. the root. */
  chain?: Uint8Array[];
  /** The digest being timestamped: for a PAdES signature, SHA-256 of the signature value. */
  messageImprint: Uint8Array;
  /** Digest algorithm of the imprint: SHA-256 unless the request said otherwise. */
  hashAlgorithm?: pkijs.AlgorithmIdentifier;
  genTime: Date;
  /** Unique per token; 16 random bytes when absent. */
  serialNumber?: Uint8Array | bigint;
  nonce?: Uint8Array | bigint;
  policyOid?: string;
  /** RFC 3161: certificates are included only when the request asked for them (certReq). Default true. */
  includeCertificates?: boolean;
}

/** An RFC 3161 TimeStampToken: ContentInfo(SignedData(TSTInfo)), DER. */
export async function createTimestampToken(request: TimestampTokenRequest): Promise<Uint8Array> {
  const hashAlgorithm = request.hashAlgorithm ?? sha256Algorithm();
  if (hashAlgorithm.algorithmId === OID.sha256 && request.messageImprint.length !== 32) {
    throw new PkiError('PKI_BAD_INPUT', 'a SHA-256 message imprint has 32 bytes');
  }
  const tsaCertificate = parseCertificate(request.tsaCertificate);
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: request.policyOid ?? DEFAULT_TSA_POLICY_OID,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm,
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(request.messageImprint) }),
    }),
    serialNumber: integerFrom(request.serialNumber ?? randomSerialNumber()),
    genTime: request.genTime,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(request.nonce !== undefined ? { nonce: integerFrom(request.nonce) } : {}),
    tsa: new pkijs.GeneralName({ type: 4, value: tsaCertificate.subject }),
  });
  const tstInfoDer = new Uint8Array(tstInfo.toSchema().toBER(false));

  const signedAttributes = sortedForDer([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(tstInfoDer)) })] }),
    signingCertificateV2Attribute(request.tsaCertificate),
  ]);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] field (RFC 5652 §5.4).
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: tsaCertificate.issuer, serialNumber: tsaCertificate.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs,
    signatureAlgorithm: ecdsaWithSha256(),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(await signTbs(request.signer, toBeSigned)) }),
  });
  const includeCertificates = request.includeCertificates ?? true;
  const encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo });
  // Assigned after construction: passed to the constructor, pkijs rewrites it as a constructed (BER) OCTET STRING.
  encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(tstInfoDer) });
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo,
    ...(includeCertificates
      ? { certificates: [request.tsaCertificate, ...withoutDuplicates(request.chain ?? [], request.tsaCertificate)].map(parseCertificate) }
      : {}),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

function withoutDuplicates(chain: Uint8Array[], tsaCertificate: Uint8Array): Uint8Array[] {
  const seen = [tsaCertificate];
  return chain.filter((certificate) => !seen.some((other) => bytesEqual(other, certificate)) && seen.push(certificate) > 0);
}

/** DER sorts the members of a SET OF by their encodings; verifiers that re-encode (OpenSSL) depend on it. */
function sortedForDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return encoded.map(({ attribute }) => attribute);
}
