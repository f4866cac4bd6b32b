/**
 * CMS SignedData (RFC 5652) read with the one DER/BER reader: PDF signatures (ETSI.CAdES.detached,
 * adbe.pkcs7.detached, adbe.pkcs7.sha1) and RFC 3161 timestamp tokens are the same structure, and so
 * is GB/T 35275's SM2 SignedData, under its own content-type OIDs (decision 0180).
 * Spans of the input's own bytes, nothing re-encoded except signed attributes that came as BER.
 */
import { children, isDefinite, readTlv, TAG, toDer, type Tlv } from './der';
import { childrenOf, contentOf, encodingOf, ensure, oidOf } from './der-values';
import { OID } from './oids';
import { PkiError } from './errors';

export type SignerIdentifier = { issuer: Uint8Array; serial: Uint8Array } | { subjectKeyId: Uint8Array };

export interface SignerInfoView {
  sid: SignerIdentifier;
  digestAlgorithm: string;
  /** What the signature covers when there are signed attributes: their encoding re-tagged as SET OF. */
  signedAttributes?: Uint8Array;
  /** The same attributes in DER (sorted, definite lengths) when the encoding above is not DER. */
  signedAttributesDer?: Uint8Array;
  /** DER of each value of each signed attribute, by type. */
  attributes: Map<string, Uint8Array[]>;
  /** DER of each value of each unsigned attribute, by type (a signature timestamp token, …). */
  unsignedAttributes: Map<string, Uint8Array[]>;
  /** DER AlgorithmIdentifier (with its parameters: RSASSA-PSS needs them). */
  signatureAlgorithm: Uint8Array;
  signatureAlgorithmOid: string;
  signature: Uint8Array;
}

export interface SignedDataView {
  eContentType?: string;
  /** The encapsulated content (a TSTInfo in a timestamp token); absent when detached. */
  eContent?: Uint8Array;
  /** Every certificate carried, as its own bytes. */
  certificates: Uint8Array[];
  signers: SignerInfoView[];
}

/** Signers and certificates beyond these are not what a signature carries: refused, not read. */
const MAX_SIGNERS = 16;
const MAX_CERTIFICATES = 64;
const MAX_ATTRIBUTES = 64;

/**
 * A ContentInfo holding SignedData (RFC 5652 or GB/T 35275), DER or BER. Bytes after the ContentInfo (the zero padding of a
 * PDF's /Contents) are ignored. PKI_MALFORMED when it is not one.
 */
export function readSignedData(bytes: Uint8Array): SignedDataView {
  try {
    const top = readTlv(bytes, 0, bytes.length, { ber: true });
    const [contentType, explicit] = childrenOf(bytes, top, TAG.sequence);
    const type = oidOf(bytes, contentType);
    ensure(type === OID.signedData || type === OID.gmSignedData, 'not SignedData');
    const [signedData] = childrenOf(bytes, explicit, 0xa0);
    const fields = childrenOf(bytes, signedData, TAG.sequence);
    ensure(fields[0]?.tag === TAG.integer && fields[1]?.tag === 0x31, 'SignedData');
    const [eContentTypeTlv, eContentField] = childrenOf(bytes, fields[2], TAG.sequence);
    let at = 3;
    const certificateSet = fields[at]?.tag === 0xa0 ? fields[at++] : undefined;
    if (fields[at]?.tag === 0xa1) at++; // crls
    const signerInfos = childrenOf(bytes, fields[at], 0x31);
    ensure(at === fields.length - 1, 'SignedData');
    const certificates = (certificateSet ? children(bytes, certificateSet) : []).filter((item) => item.tag === TAG.sequence);
    ensure(certificates.length <= MAX_CERTIFICATES && signerInfos.length <= MAX_SIGNERS, 'too many certificates or signers');
    const eContentOctets = eContentField ? childrenOf(bytes, eContentField, 0xa0)[0] : undefined;
    return {
      eContentType: oidOf(bytes, eContentTypeTlv),
      eContent: eContentOctets ? octets(bytes, eContentOctets) : undefined,
      certificates: certificates.map((item) => encodingOf(bytes, item).slice()),
      signers: signerInfos.map((signerInfo) => readSigner(bytes, signerInfo)),
    };
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', 'CMS 签名数据格式无法识别', { cause });
  }
}

/** SignerInfo { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] unsignedAttrs }. */
function readSigner(bytes: Uint8Array, signerInfo: Tlv): SignerInfoView {
  const fields = childrenOf(bytes, signerInfo, TAG.sequence);
  ensure(fields[0]?.tag === TAG.integer && fields[1] && fields[2]?.tag === TAG.sequence, 'SignerInfo');
  const signed = fields[3]?.tag === 0xa0 ? fields[3] : undefined;
  const [signatureAlgorithm, signature, unsigned] = fields.slice(signed ? 4 : 3);
  ensure(signatureAlgorithm?.tag === TAG.sequence && signature && (!unsigned || unsigned.tag === 0xa1), 'SignerInfo');
  const sidTlv = fields[1];
  let sid: SignerIdentifier;
  if (sidTlv.tag === TAG.sequence) {
    const [issuer, serial] = childrenOf(bytes, sidTlv, TAG.sequence);
    ensure(issuer?.tag === TAG.sequence && serial?.tag === TAG.integer, 'IssuerAndSerialNumber');
    sid = { issuer: encodingOf(bytes, issuer).slice(), serial: contentOf(bytes, serial).slice() };
  } else {
    ensure(sidTlv.tag === 0x80 || sidTlv.tag === 0xa0, 'SignerIdentifier');
    sid = { subjectKeyId: octets(bytes, sidTlv).slice() };
  }
  let signedAttributes: Uint8Array | undefined;
  let signedAttributesDer: Uint8Array | undefined;
  if (signed) {
    signedAttributes = encodingOf(bytes, signed).slice();
    signedAttributes[0] = 0x31; // RFC 5652 §5.4: signed as SET OF, stored as [0] IMPLICIT
    const der = toDer(bytes, { ...signed, tag: 0x31 });
    if (!Buffer.from(der).equals(Buffer.from(signedAttributes))) signedAttributesDer = der;
  }
  return {
    sid,
    digestAlgorithm: algorithmOid(bytes, fields[2]),
    ...(signedAttributes ? { signedAttributes } : {}),
    ...(signedAttributesDer ? { signedAttributesDer } : {}),
    attributes: attributes(bytes, signed),
    unsignedAttributes: attributes(bytes, unsigned),
    signatureAlgorithm: encodingOf(bytes, signatureAlgorithm).slice(),
    signatureAlgorithmOid: algorithmOid(bytes, signatureAlgorithm),
    signature: octets(bytes, signature).slice(),
  };
}

/** Attribute { attrType OID, attrValues SET OF ANY }, each value as DER. */
function attributes(bytes: Uint8Array, block: Tlv | undefined): Map<string, Uint8Array[]> {
  const out = new Map<string, Uint8Array[]>();
  if (!block) return out;
  const items = children(bytes, block);
  ensure(items.length <= MAX_ATTRIBUTES, 'too many attributes');
  for (const attribute of items) {
    const [type, values] = childrenOf(bytes, attribute, TAG.sequence);
    const oid = oidOf(bytes, type);
    ensure(oid && values?.tag === 0x31, 'Attribute');
    const list = out.get(oid) ?? [];
    for (const value of children(bytes, values)) list.push(isDefinite(bytes, value) ? encodingOf(bytes, value).slice() : toDer(bytes, value, false));
    out.set(oid, list);
  }
  return out;
}

function algorithmOid(bytes: Uint8Array, tlv: Tlv | undefined): string {
  const [oid] = childrenOf(bytes, tlv, TAG.sequence);
  const algorithm = oidOf(bytes, oid);
  ensure(algorithm, 'algorithm identifier without an OID');
  return algorithm;
}

/** An OCTET STRING's content (or an implicitly tagged one); a constructed (BER) one has its segments joined. */
export function octets(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  if (!(tlv.tag & 0x20)) return contentOf(bytes, tlv);
  ensure(tlv.tag === 0x24 || (tlv.tag & 0xc0) === 0x80, 'OCTET STRING');
  return Buffer.concat(children(bytes, tlv).map((segment) => octets(bytes, segment)));
}
