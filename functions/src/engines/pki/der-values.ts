/**
 * Values read out of elements found with the DER reader (der.ts): spans, OIDs, integers, booleans.
 * Verification walks certificates and tokens with these instead of building asn1js/pkijs object
 * trees, which cost milliseconds per certificate (docs/decisions/0005, "Performance").
 */
import { children, readTlv, TAG, type Tlv } from './der';
import { decodeOid } from './oids';
import { toHex } from './bytes';
import { PkiError } from './errors';

/** Throws PKI_MALFORMED when a structure does not have the expected shape. */
export function ensure(condition: unknown, what: string): asserts condition {
  if (!condition) throw new PkiError('PKI_MALFORMED', `DER 结构不符：${what}`);
}

/** The single element filling `bytes` exactly (no trailing bytes). */
export function readWhole(bytes: Uint8Array, tag: number): Tlv {
  const top = readTlv(bytes, 0);
  ensure(top.tag === tag && top.end === bytes.length, 'not exactly one element of the expected type');
  return top;
}

/** The whole encoding (tag, length, content) of an element. */
export const encodingOf = (bytes: Uint8Array, tlv: Tlv): Uint8Array => bytes.subarray(tlv.start, tlv.after);

export const contentOf = (bytes: Uint8Array, tlv: Tlv): Uint8Array => bytes.subarray(tlv.contentStart, tlv.end);

/** Children of a constructed element, with the tag of the parent checked. */
export function childrenOf(bytes: Uint8Array, tlv: Tlv | undefined, tag: number): Tlv[] {
  ensure(tlv && tlv.tag === tag, `expected tag 0x${tag.toString(16)}`);
  return children(bytes, tlv);
}

/** Dotted OID, or undefined when the element is not an OBJECT IDENTIFIER. */
export function oidOf(bytes: Uint8Array, tlv: Tlv | undefined): string | undefined {
  return tlv?.tag === TAG.oid ? decodeOid(contentOf(bytes, tlv)) : undefined;
}

/** The OID of a DER AlgorithmIdentifier (SEQUENCE { algorithm OID, parameters ANY OPTIONAL }). */
export function algorithmOf(bytes: Uint8Array, tlv: Tlv | undefined): string {
  const [oid] = childrenOf(bytes, tlv, TAG.sequence);
  const algorithm = oidOf(bytes, oid);
  ensure(algorithm, 'algorithm identifier without an OID');
  return algorithm;
}

/** An INTEGER's bytes as lowercase hex without leading zero bytes, as `serialHex` prints serials. */
export function integerHex(bytes: Uint8Array, tlv: Tlv | undefined): string {
  ensure(tlv?.tag === TAG.integer, 'expected an INTEGER');
  const hex = toHex(contentOf(bytes, tlv)).replace(/^(00)+(?=.)/, '');
  return hex.length === 0 ? '00' : hex;
}

/** A DER BOOLEAN (any non-zero content byte is TRUE). */
export function booleanOf(bytes: Uint8Array, tlv: Tlv): boolean {
  ensure(tlv.tag === 0x01 && tlv.end - tlv.contentStart === 1, 'expected a BOOLEAN');
  return bytes[tlv.contentStart] !== 0;
}

/** The subjectPublicKey bits of a DER SubjectPublicKeyInfo (SEQUENCE { algorithm, BIT STRING }). */
export function publicKeyBitsOf(spki: Uint8Array): Uint8Array {
  const [algorithm, key, ...extra] = childrenOf(spki, readWhole(spki, TAG.sequence), TAG.sequence);
  ensure(algorithm?.tag === TAG.sequence && key?.tag === TAG.bitString && extra.length === 0, 'SubjectPublicKeyInfo');
  ensure(spki[key.contentStart] === 0 && key.end > key.contentStart + 1, 'subjectPublicKey bits');
  return spki.subarray(key.contentStart + 1, key.end);
}
