/**
 * A CMS SignedData (RFC 5652) with one signer, as the platform makes them: RFC 3161 timestamp
 * tokens (TSTInfo encapsulated) and PAdES signatures (detached). Signed attributes are
 * content-type, message-digest and ESS signing-certificate-v2; no signing-time (PAdES forbids it,
 * RFC 3161 does not need it). The private-key step is one `signDigest` call, so KMS keys work.
 */
import { OctetString } from '@peculiar/asn1-schema';
import type { Certificate, Name } from '@peculiar/asn1-x509';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import type { DigestSigner } from './digest-signer';
import { OID } from './oids';
import { viewCertificate } from './certificate-view';
import { signingCertificateV2 } from './signing-certificate-v2';
import { ecdsaWithSha256, sha256Algorithm, signTbs } from './sign-tbs';
import { derOf, oidDer, rawDer } from './schema';
import { encodeTlv, concat } from './der';
import { toArrayBuffer } from './bytes';

export interface SignedDataRequest {
  signer: DigestSigner;
  /** DER of the signer's certificate: the signer identifier and ESS attribute name it. */
  signerCertificate: Uint8Array;
  /** DER certificates carried in the certificate set, in this order (none: the field is left out). */
  certificates: Uint8Array[];
  contentType: string;
  /** The content to encapsulate; absent for a detached signature. */
  content?: Uint8Array;
  /** SHA-256 of the content (the message-digest attribute). */
  contentDigest: Uint8Array;
  /** Unsigned attributes made from the signature value, e.g. a signature time-stamp: [type, DER value]. */
  unsignedAttributes?: (signature: Uint8Array) => Promise<[string, Uint8Array][]>;
}

/** ContentInfo(SignedData), DER. */
export async function buildSignedData(request: SignedDataRequest): Promise<Uint8Array> {
  const certificate = viewCertificate(request.signerCertificate);
  const signedAttrs = sortedForDer([
    attribute(OID.contentType, oidDer(request.contentType)),
    attribute(OID.messageDigest, derOf(new OctetString(request.contentDigest))),
    attribute(OID.signingCertificateV2, signingCertificateV2(request.signerCertificate)),
  ]);
  // The signature covers the attributes encoded as a SET OF (tag 0x31), not as the [0] field (RFC 5652 §5.4).
  const signature = await signTbs(request.signer, encodeTlv(0x31, concat(signedAttrs.map(([, der]) => der))));
  const unsigned = request.unsignedAttributes ? await request.unsignedAttributes(signature) : [];
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: rawDer<Name>(certificate.issuer),
        serialNumber: toArrayBuffer(certificate.serialNumber),
      }),
    }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs: signedAttrs.map(([value]) => value),
    signatureAlgorithm: ecdsaWithSha256(),
    signature: new OctetString(signature),
    ...(unsigned.length > 0 ? { unsignedAttrs: unsigned.map(([type, value]) => attribute(type, value)[0]) } : {}),
  });
  const signedData = new SignedData({
    // RFC 5652 §5.1: version 3 when the content is not id-data.
    version: request.contentType === OID.data ? 1 : 3,
    digestAlgorithms: new DigestAlgorithmIdentifiers([sha256Algorithm()]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: request.contentType,
      ...(request.content ? { eContent: new EncapsulatedContent({ single: new OctetString(request.content) }) } : {}),
    }),
    ...(request.certificates.length > 0
      ? {
          certificates: new CertificateSet(
            request.certificates.map((der) => new CertificateChoices({ certificate: rawDer<Certificate>(der) })),
          ),
        }
      : {}),
    signerInfos: new SignerInfos([signerInfo]),
  });
  return derOf(new ContentInfo({ contentType: OID.signedData, content: toArrayBuffer(derOf(signedData)) }));
}

/** An attribute with one value, and its DER (to sort by). */
function attribute(type: string, value: Uint8Array): [Attribute, Uint8Array] {
  const item = new Attribute({ attrType: type, attrValues: [toArrayBuffer(value)] });
  return [item, derOf(item)];
}

/** DER sorts the members of a SET OF by their encodings; verifiers that re-encode (OpenSSL) depend on it. */
function sortedForDer(attributes: [Attribute, Uint8Array][]): [Attribute, Uint8Array][] {
  return [...attributes].sort(([, a], [, b]) => Buffer.compare(a, b));
}
