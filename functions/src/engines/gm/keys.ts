/**
 * SM2 keys in the DER forms OpenSSL, KMS and certificates use: SubjectPublicKeyInfo and PKCS#8,
 * both with AlgorithmIdentifier { id-ecPublicKey, namedCurve sm2p256v1 } (GB/T 35276 §6).
 * Read and written with the platform's one DER reader (engines/pki/der.ts, decision 0063), not an
 * ASN.1 schema library: these functions are in every function that signs or checks a signature
 * (the algorithm table, the key custody), and asn1-schema would add ~75 KiB to each (decision 0075).
 */
import { children, concat, encodeTlv, readTlv, TAG, type Tlv } from '../pki/der';
import { GmError } from './errors';
import { sm2PublicKeyOf, sm2PublicPoint } from './sm2';

/** DER of OBJECT IDENTIFIER id-ecPublicKey (1.2.840.10045.2.1) and sm2p256v1 (1.2.156.10197.1.301). */
const EC_PUBLIC_KEY_OID = new Uint8Array([0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]);
const SM2_CURVE_OID = new Uint8Array([0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d]);
/** AlgorithmIdentifier { id-ecPublicKey, sm2p256v1 }. */
const SM2_ALGORITHM = encodeTlv(TAG.sequence, concat([EC_PUBLIC_KEY_OID, SM2_CURVE_OID]));

/** The public point 04‖x‖y as DER SubjectPublicKeyInfo. */
export function sm2SpkiFromPublicKey(publicKey: Uint8Array): Uint8Array {
  const point = sm2PublicPoint(publicKey).toBytes(false);
  return encodeTlv(TAG.sequence, concat([SM2_ALGORITHM, encodeTlv(TAG.bitString, concat([new Uint8Array([0]), point]))]));
}

/** The public point 04‖x‖y of an SM2 SubjectPublicKeyInfo; refuses other algorithms and curves. */
export function sm2PublicKeyFromSpki(spki: Uint8Array): Uint8Array {
  const [algorithm, key, ...extra] = parts(spki, 'not a DER SubjectPublicKeyInfo');
  if (!algorithm || !key || extra.length > 0 || key.tag !== TAG.bitString || spki[key.contentStart] !== 0) {
    throw new GmError('GM_BAD_KEY', 'not a DER SubjectPublicKeyInfo');
  }
  requireSm2Algorithm(spki, algorithm);
  const point = spki.slice(key.contentStart + 1, key.end);
  sm2PublicPoint(point);
  return point;
}

/** The private scalar as DER PKCS#8 (with the public key inside, as OpenSSL writes it). */
export function sm2Pkcs8FromPrivateKey(privateKey: Uint8Array): Uint8Array {
  // ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, parameters [0] OPTIONAL, publicKey [1] BIT STRING OPTIONAL }
  const ecPrivateKey = encodeTlv(
    TAG.sequence,
    concat([
      encodeTlv(TAG.integer, new Uint8Array([1])),
      encodeTlv(TAG.octetString, privateKey),
      encodeTlv(0xa1, encodeTlv(TAG.bitString, concat([new Uint8Array([0]), sm2PublicKeyOf(privateKey)]))),
    ]),
  );
  // PrivateKeyInfo ::= SEQUENCE { version 0, privateKeyAlgorithm, privateKey OCTET STRING, attributes [0] OPTIONAL }
  const info = encodeTlv(TAG.sequence, concat([encodeTlv(TAG.integer, new Uint8Array([0])), SM2_ALGORITHM, encodeTlv(TAG.octetString, ecPrivateKey)]));
  ecPrivateKey.fill(0);
  return info;
}

/** The 32-byte private scalar of an SM2 PKCS#8 key (as `openssl pkcs8 -topk8` writes it). */
export function sm2PrivateKeyFromPkcs8(pkcs8: Uint8Array): Uint8Array {
  const bad = 'not a DER PKCS#8 EC private key';
  const [version, algorithm, wrapped] = parts(pkcs8, bad);
  if (!version || version.tag !== TAG.integer || !algorithm || !wrapped || wrapped.tag !== TAG.octetString) throw new GmError('GM_BAD_KEY', bad);
  requireSm2Algorithm(pkcs8, algorithm);
  const inner = pkcs8.subarray(wrapped.contentStart, wrapped.end);
  const [ecVersion, secret, ...optional] = parts(inner, bad);
  if (!ecVersion || ecVersion.tag !== TAG.integer || !secret || secret.tag !== TAG.octetString) throw new GmError('GM_BAD_KEY', bad);
  const parameters = optional.find((field) => field.tag === 0xa0);
  if (parameters && !sameBytes(inner.subarray(parameters.contentStart, parameters.end), SM2_CURVE_OID)) throw new GmError('GM_BAD_KEY', 'the key is on another curve');
  const raw = inner.subarray(secret.contentStart, secret.end);
  // RFC 5915 writes the scalar on exactly ceiling(log2(n)/8) bytes; pad defensively if a writer dropped a leading zero.
  const scalar = raw.length >= 32 ? raw.slice(raw.length - 32) : new Uint8Array([...new Uint8Array(32 - raw.length), ...raw]);
  sm2PublicKeyOf(scalar);
  return scalar;
}

/** The fields of a DER SEQUENCE that fills `bytes` exactly. */
function parts(bytes: Uint8Array, what: string): Tlv[] {
  try {
    const top = readTlv(bytes, 0);
    if (top.tag !== TAG.sequence || top.end !== bytes.length) throw new Error(what);
    return children(bytes, top);
  } catch (cause) {
    throw new GmError('GM_BAD_KEY', what, { cause });
  }
}

function requireSm2Algorithm(bytes: Uint8Array, algorithm: Tlv): void {
  if (algorithm.tag !== TAG.sequence) throw new GmError('GM_BAD_KEY', 'not an AlgorithmIdentifier');
  let fields: Tlv[];
  try {
    fields = children(bytes, algorithm);
  } catch (cause) {
    throw new GmError('GM_BAD_KEY', 'not an AlgorithmIdentifier', { cause });
  }
  const [oid, parameters] = fields;
  if (!oid || !sameBytes(bytes.subarray(oid.start, oid.end), EC_PUBLIC_KEY_OID)) throw new GmError('GM_BAD_KEY', 'the algorithm is not id-ecPublicKey');
  if (!parameters || !sameBytes(bytes.subarray(parameters.start, parameters.end), SM2_CURVE_OID)) {
    throw new GmError('GM_BAD_KEY', 'the key is not on the SM2 curve (sm2p256v1)');
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);
