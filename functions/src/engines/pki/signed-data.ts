/**
 * A CMS SignedData (RFC 5652) with one signer, as the platform makes them: RFC 3161 timestamp
 * tokens (TSTInfo encapsulated) and PAdES signatures (detached). Signed attributes are
 * content-type, message-digest and ESS signing-certificate-v2; no signing-time (PAdES forbids it,
 * RFC 3161 does not need it).
 *
 * A GB/T 35275 (SM2 cryptographic message syntax) SignedData is the same structure with the
 * content type `OID.gmData` and the outer type `OID.gmSignedData` (decision 0180): asking for
 * content type gmData makes one.
 *
 * Made in two phases so that the private key can be elsewhere (decision 0046): `prepareSignedData`
 * fixes the signed attributes and says what digest the key must sign; `completeSignedData` puts the
 * signature value (and unsigned attributes made from it, e.g. a signature time-stamp) around them.
 * `buildSignedData` runs both with a `Signer` in one call.
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
import { signatureAlgorithm, type SignatureAlgorithmId } from './algorithms';
import type { Signer } from './signer';
import { OID } from './oids';
import { viewCertificate } from './certificate-view';
import { signingCertificateV2 } from './signing-certificate-v2';
import { digestAlgorithmIdentifier, signatureAlgorithmIdentifier } from './sign-tbs';
import { derOf, oidDer, rawDer } from './schema';
import { encodeTlv, concat } from './der';
import { toArrayBuffer } from './bytes';
import { PkiError } from './errors';

export interface SignedDataRequest {
  /** The algorithm of the signer's key: its digest makes message-digest, its identifiers are written. */
  algorithm: SignatureAlgorithmId;
  /** DER of the signer's certificate: the signer identifier and ESS attribute name it; its key makes SM2's Z. */
  signerCertificate: Uint8Array;
  /** DER certificates carried in the certificate set, in this order (none: the field is left out). */
  certificates: Uint8Array[];
  contentType: string;
  /** The content to encapsulate; absent for a detached signature. */
  content?: Uint8Array;
  /** The algorithm's digest of the content (the message-digest attribute). */
  contentDigest: Uint8Array;
}

/**
 * What the signer's key must sign, and everything `completeSignedData` needs: plain data (bytes and
 * strings), so it can be kept while a key on another device signs.
 */
export interface PreparedSignedData extends SignedDataRequest {
  /** The signed attributes in DER order, each as [type, DER value]. */
  signedAttributes: [string, Uint8Array][];
  /** What the signature covers: the attributes encoded as a SET OF (tag 0x31), not as the [0] field (RFC 5652 §5.4). */
  signedBytes: Uint8Array;
  /** `signatureAlgorithm(algorithm).digestToSign(signedBytes, signer's public key)`. */
  digestToSign: Uint8Array;
}

export function prepareSignedData(request: SignedDataRequest): PreparedSignedData {
  const algorithm = signatureAlgorithm(request.algorithm);
  if (request.contentDigest.length !== algorithm.hash.length)
    throw new PkiError(
      'PKI_BAD_INPUT',
      `the content digest has ${request.contentDigest.length} bytes, ${algorithm.id} makes ${algorithm.hash.length}`,
    );
  const certificate = viewCertificate(request.signerCertificate);
  const signedAttributes = sortedForDer([
    [OID.contentType, oidDer(request.contentType)],
    [OID.messageDigest, derOf(new OctetString(request.contentDigest))],
    [OID.signingCertificateV2, signingCertificateV2(request.signerCertificate)],
  ]);
  const signedBytes = encodeTlv(0x31, concat(signedAttributes.map(([type, value]) => attributeDer(type, value))));
  return { ...request, signedAttributes, signedBytes, digestToSign: algorithm.digestToSign(signedBytes, certificate.subjectPublicKeyInfo) };
}

/** ContentInfo(SignedData), DER, around the signature value the signer's key made over `prepared.digestToSign`. */
export function completeSignedData(
  prepared: PreparedSignedData,
  signature: Uint8Array,
  unsignedAttributes: [string, Uint8Array][] = [],
): Uint8Array {
  const certificate = viewCertificate(prepared.signerCertificate);
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: rawDer<Name>(certificate.issuer),
        serialNumber: toArrayBuffer(certificate.serialNumber),
      }),
    }),
    digestAlgorithm: digestAlgorithmIdentifier(prepared.algorithm),
    signedAttrs: prepared.signedAttributes.map(([type, value]) => attribute(type, value)),
    signatureAlgorithm: signatureAlgorithmIdentifier(prepared.algorithm),
    signature: new OctetString(signature),
    ...(unsignedAttributes.length > 0 ? { unsignedAttrs: unsignedAttributes.map(([type, value]) => attribute(type, value)) } : {}),
  });
  const gm = prepared.contentType === OID.gmData;
  const signedData = new SignedData({
    // RFC 5652 §5.1: version 3 when the content is not id-data; GB/T 35275 §8.1 knows version 1 only.
    version: prepared.contentType === OID.data || gm ? 1 : 3,
    digestAlgorithms: new DigestAlgorithmIdentifiers([digestAlgorithmIdentifier(prepared.algorithm)]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: prepared.contentType,
      ...(prepared.content ? { eContent: new EncapsulatedContent({ single: new OctetString(prepared.content) }) } : {}),
    }),
    ...(prepared.certificates.length > 0
      ? {
          certificates: new CertificateSet(
            prepared.certificates.map((der) => new CertificateChoices({ certificate: rawDer<Certificate>(der) })),
          ),
        }
      : {}),
    signerInfos: new SignerInfos([signerInfo]),
  });
  // GB/T 35275 content (its own data type) goes in its own signedData type: the same structure, other OIDs.
  return derOf(new ContentInfo({ contentType: gm ? OID.gmSignedData : OID.signedData, content: toArrayBuffer(derOf(signedData)) }));
}

/** Both phases with a signer at hand (timestamp tokens, server-held keys). */
export async function buildSignedData(
  request: Omit<SignedDataRequest, 'algorithm'> & {
    signer: Signer;
    /** Unsigned attributes made from the signature value, e.g. a signature time-stamp: [type, DER value]. */
    unsignedAttributes?: (signature: Uint8Array) => Promise<[string, Uint8Array][]>;
  },
): Promise<Uint8Array> {
  const { signer, unsignedAttributes, ...rest } = request;
  const prepared = prepareSignedData({ ...rest, algorithm: signer.algorithm });
  const signature = await signer.signDigest(prepared.digestToSign);
  return completeSignedData(prepared, signature, unsignedAttributes ? await unsignedAttributes(signature) : []);
}

function attribute(type: string, value: Uint8Array): Attribute {
  return new Attribute({ attrType: type, attrValues: [toArrayBuffer(value)] });
}

const attributeDer = (type: string, value: Uint8Array): Uint8Array => derOf(attribute(type, value));

/** DER sorts the members of a SET OF by their encodings; verifiers that re-encode (OpenSSL) depend on it. */
function sortedForDer(attributes: [string, Uint8Array][]): [string, Uint8Array][] {
  return attributes
    .map((item) => ({ item, der: attributeDer(...item) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ item }) => item);
}
