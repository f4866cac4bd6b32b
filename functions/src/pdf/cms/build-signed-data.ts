import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DigestSigner } from '../trust/pki';
import { OID } from './oids';
import { certificate } from '../trust/certificates';

export interface CadesInput {
  /** SHA-256 of the signed byte ranges. */
  contentDigest: Uint8Array;
  signer: DigestSigner;
  /** DER certificates, signer first, then up to the root. */
  certificateChain: Uint8Array[];
  /** RFC 3161 token over the signature value, added as an unsigned attribute. */
  timestamp?: (imprint: Uint8Array) => Promise<Uint8Array>;
}

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());
const ab = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/**
 * A detached CAdES (PAdES baseline B-T) SignedData: content-type, message-digest and
 * ESS signing-certificate-v2 signed attributes (no signing-time, as PAdES requires), the
 * chain in the certificate set, and a signature time-stamp token as unsigned attribute.
 * The private-key step is one `signDigest` call, so KMS-held keys work unchanged.
 */
export async function buildCadesSignature(input: CadesInput): Promise<Uint8Array> {
  const [leafDer, ...rest] = input.certificateChain;
  if (!leafDer) throw new Error('certificate chain is empty');
  const leaf = certificate(leafDer);
  const attributes = sortedAsDerSet([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(input.contentDigest) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(leafDer, leaf)] }),
  ]);
  // What is signed is the attributes encoded as a SET (tag 0x31), not as the [0] field.
  const signedAttrsDer = new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false));
  const signature = await input.signer.signDigest(sha256(signedAttrsDer));
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: ab(signature) }),
  });
  if (input.timestamp) {
    const token = await input.timestamp(sha256(signature));
    const parsed = asn1js.fromBER(ab(token));
    if (parsed.offset === -1) throw new Error('timestamp token is not DER');
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [leaf, ...rest.map((der) => certificate(der))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** ESS SigningCertificateV2 with the default SHA-256 hash and the issuer/serial of the signer. */
function signingCertificateV2(leafDer: Uint8Array, leaf: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [leaf.issuer.toSchema()] })] }),
      leaf.serialNumber,
    ],
  });
  const certId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(sha256(leafDer)) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] });
}

/** DER orders a SET OF by its members' encodings; OpenSSL re-encodes before checking, so order matters. */
function sortedAsDerSet(attrs: pkijs.Attribute[]): pkijs.Attribute[] {
  const enc = attrs.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }));
  return enc.sort((x, y) => Buffer.compare(x.der, y.der)).map((x) => x.a);
}
