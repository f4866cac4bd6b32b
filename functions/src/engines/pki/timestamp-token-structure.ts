/**
 * The parts of an RFC 3161 TimeStampToken (ContentInfo → SignedData → one SignerInfo, TSTInfo)
 * found with the DER reader, as spans of the token's own bytes. readTimestampToken checks them.
 * pkijs took ~20 ms per token to build its object tree; walking the DER takes microseconds.
 */
import { children, decodeTime, TAG, type Tlv } from './der';
import { algorithmOf, childrenOf, contentOf, encodingOf, ensure, integerHex, oidOf, readWhole } from './der-values';
import { decodeOid, OID } from './oids';
import { PkiError } from './errors';

export interface TokenSigner {
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** The signed attributes re-tagged as a SET OF: what the signature covers. Empty when absent. */
  signedAttributes: Uint8Array;
  /** The DER of the first value of each signed attribute, by type (the first attribute of a type wins). */
  attributes: Map<string, Uint8Array>;
  signature: Uint8Array;
}

export interface TokenStructure {
  eContentType?: string;
  /** The encapsulated content's octets (the DER TSTInfo), constructed OCTET STRINGs joined. */
  eContent?: Uint8Array;
  /** The DER of every certificate carried (copies). */
  certificates: Uint8Array[];
  signers: TokenSigner[];
}

export interface TstFields {
  policyOid: string;
  hashAlgorithm: string;
  messageImprint: Uint8Array;
  serial: string;
  genTime: Date;
  nonce?: string;
}

/** ContentInfo(SignedData), DER; PKI_MALFORMED '时间戳令牌格式无法识别' when it is not one. */
export function readTokenStructure(der: Uint8Array): TokenStructure {
  try {
    const [contentType, explicit, ...extra] = childrenOf(der, readWhole(der, TAG.sequence), TAG.sequence);
    ensure(oidOf(der, contentType) === OID.signedData && extra.length === 0, 'not SignedData');
    const [signedData, ...more] = childrenOf(der, explicit, 0xa0);
    ensure(more.length === 0, 'ContentInfo');
    const fields = childrenOf(der, signedData, TAG.sequence);
    ensure(fields[0]?.tag === TAG.integer && fields[1]?.tag === 0x31, 'SignedData');
    const [eContentTypeTlv, eContentField, ...unexpected] = childrenOf(der, fields[2], TAG.sequence);
    ensure(unexpected.length === 0, 'EncapsulatedContentInfo');
    let at = 3;
    const certificateSet = fields[at]?.tag === 0xa0 ? fields[at++] : undefined;
    if (fields[at]?.tag === 0xa1) at++; // crls
    const signerInfos = childrenOf(der, fields[at], 0x31);
    ensure(at === fields.length - 1, 'SignedData');
    return {
      eContentType: oidOf(der, eContentTypeTlv),
      eContent: eContentField ? octets(der, childrenOf(der, eContentField, 0xa0)[0]) : undefined,
      certificates: (certificateSet ? children(der, certificateSet) : [])
        .filter((item) => item.tag === TAG.sequence)
        .map((item) => encodingOf(der, item).slice()),
      signers: signerInfos.map((signerInfo) => readSigner(der, signerInfo)),
    };
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', '时间戳令牌格式无法识别', { cause });
  }
}

/** SignerInfo { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] unsignedAttrs }. */
function readSigner(der: Uint8Array, signerInfo: Tlv): TokenSigner {
  const fields = childrenOf(der, signerInfo, TAG.sequence);
  ensure(fields[0]?.tag === TAG.integer && (fields[1]?.tag === TAG.sequence || fields[1]?.tag === 0x80), 'SignerInfo');
  const signed = fields[3]?.tag === 0xa0 ? fields[3] : undefined;
  const [signatureAlgorithm, signature, unsigned, ...extra] = fields.slice(signed ? 4 : 3);
  ensure(signature?.tag === TAG.octetString && (!unsigned || unsigned.tag === 0xa1) && extra.length === 0, 'SignerInfo');
  const attributes = new Map<string, Uint8Array>();
  for (const attribute of signed ? children(der, signed) : []) {
    const [type, values] = childrenOf(der, attribute, TAG.sequence);
    const oid = oidOf(der, type);
    const [first] = childrenOf(der, values, 0x31);
    ensure(oid, 'Attribute');
    if (first && !attributes.has(oid)) attributes.set(oid, encodingOf(der, first));
  }
  const signedAttributes = signed ? encodingOf(der, signed).slice() : new Uint8Array();
  if (signed) signedAttributes[0] = 0x31; // RFC 5652 §5.4: signed as SET OF, stored as [0] IMPLICIT
  return {
    digestAlgorithm: algorithmOf(der, fields[2]),
    signatureAlgorithm: algorithmOf(der, signatureAlgorithm),
    signedAttributes,
    attributes,
    signature: contentOf(der, signature),
  };
}

/** An OCTET STRING's content; a constructed (BER) one has its segments joined. */
function octets(der: Uint8Array, tlv: Tlv | undefined): Uint8Array {
  if (tlv?.tag === TAG.octetString) return contentOf(der, tlv);
  ensure(tlv?.tag === 0x24, 'eContent is not an OCTET STRING');
  return Buffer.concat(children(der, tlv).map((segment) => octets(der, segment)));
}

/** accuracy, ordering, nonce, tsa [0], extensions [1]. */
const TST_OPTIONAL = new Set<number>([TAG.sequence, 0x01, TAG.integer, 0xa0, 0xa1]);

/** TSTInfo { version, policy, messageImprint, serialNumber, genTime, accuracy?, ordering?, nonce?, tsa?, extensions? }. */
export function readTstInfo(tstInfo: Uint8Array): TstFields {
  try {
    const [version, policy, imprint, serial, genTime, ...optional] = childrenOf(tstInfo, readWhole(tstInfo, TAG.sequence), TAG.sequence);
    ensure(version?.tag === TAG.integer && policy?.tag === TAG.oid && genTime?.tag === TAG.generalizedTime, 'TSTInfo');
    const [hashAlgorithm, hashedMessage, ...extra] = childrenOf(tstInfo, imprint, TAG.sequence);
    ensure(hashedMessage?.tag === TAG.octetString && extra.length === 0, 'MessageImprint');
    ensure(
      optional.every((item) => TST_OPTIONAL.has(item.tag)),
      'TSTInfo',
    );
    const nonce = optional.find((item) => item.tag === TAG.integer);
    return {
      policyOid: decodeOid(contentOf(tstInfo, policy)),
      hashAlgorithm: algorithmOf(tstInfo, hashAlgorithm),
      messageImprint: contentOf(tstInfo, hashedMessage).slice(),
      serial: integerHex(tstInfo, serial),
      genTime: decodeTime(tstInfo, genTime),
      ...(nonce ? { nonce: integerHex(tstInfo, nonce) } : {}),
    };
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', '时间戳内容无法识别', { cause });
  }
}
