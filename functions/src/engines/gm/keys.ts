/**
 * SM2 keys in the DER forms OpenSSL, KMS and certificates use: SubjectPublicKeyInfo and PKCS#8,
 * both with AlgorithmIdentifier { id-ecPublicKey, namedCurve sm2p256v1 } (GB/T 35276 §6).
 * ECPrivateKey (RFC 5915) and PrivateKeyInfo (RFC 5208) have no package in the project, so they
 * are declared here with asn1-schema's decorators applied as plain calls (no experimentalDecorators).
 */
import { AsnConvert, AsnObjectIdentifierConverter, AsnParser, AsnProp, AsnPropTypes, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { OID_EC_PUBLIC_KEY, OID_SM2_CURVE } from './constants';
import { GmError } from './errors';
import { sm2PublicKeyOf, sm2PublicPoint } from './sm2';

/** ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, parameters [0] OID OPTIONAL, publicKey [1] BIT STRING OPTIONAL } */
class EcPrivateKey {
  version = 1;
  privateKey = new OctetString();
  parameters?: string;
  publicKey?: ArrayBuffer;
  constructor(params: Partial<EcPrivateKey> = {}) {
    Object.assign(this, params);
  }
}
AsnType({ type: AsnTypeTypes.Sequence })(EcPrivateKey);
AsnProp({ type: AsnPropTypes.Integer })(EcPrivateKey.prototype, 'version');
AsnProp({ type: OctetString })(EcPrivateKey.prototype, 'privateKey');
AsnProp({ type: AsnPropTypes.ObjectIdentifier, context: 0, optional: true })(EcPrivateKey.prototype, 'parameters');
AsnProp({ type: AsnPropTypes.BitString, context: 1, optional: true })(EcPrivateKey.prototype, 'publicKey');

/** PrivateKeyInfo ::= SEQUENCE { version 0, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, attributes [0] IMPLICIT OPTIONAL } */
class PrivateKeyInfo {
  version = 0;
  privateKeyAlgorithm = new AlgorithmIdentifier();
  privateKey = new OctetString();
  attributes?: ArrayBuffer;
  constructor(params: Partial<PrivateKeyInfo> = {}) {
    Object.assign(this, params);
  }
}
AsnType({ type: AsnTypeTypes.Sequence })(PrivateKeyInfo);
AsnProp({ type: AsnPropTypes.Integer })(PrivateKeyInfo.prototype, 'version');
AsnProp({ type: AlgorithmIdentifier })(PrivateKeyInfo.prototype, 'privateKeyAlgorithm');
AsnProp({ type: OctetString })(PrivateKeyInfo.prototype, 'privateKey');
AsnProp({ type: AsnPropTypes.Any, context: 0, implicit: true, optional: true })(PrivateKeyInfo.prototype, 'attributes');

/** DER of the namedCurve parameter, OBJECT IDENTIFIER sm2p256v1. */
const SM2_CURVE_PARAMETER = new Uint8Array(AsnConvert.serialize(AsnObjectIdentifierConverter.toASN(OID_SM2_CURVE)));
const sm2Algorithm = () => new AlgorithmIdentifier({ algorithm: OID_EC_PUBLIC_KEY, parameters: toArrayBuffer(SM2_CURVE_PARAMETER) });

/** The public point 04‖x‖y as DER SubjectPublicKeyInfo. */
export function sm2SpkiFromPublicKey(publicKey: Uint8Array): Uint8Array {
  const point = sm2PublicPoint(publicKey).toBytes(false);
  const spki = new SubjectPublicKeyInfo({ algorithm: sm2Algorithm(), subjectPublicKey: toArrayBuffer(point) });
  return new Uint8Array(AsnConvert.serialize(spki));
}

/** The public point 04‖x‖y of an SM2 SubjectPublicKeyInfo; refuses other algorithms and curves. */
export function sm2PublicKeyFromSpki(spki: Uint8Array): Uint8Array {
  let parsed: SubjectPublicKeyInfo;
  try {
    parsed = AsnParser.parse(spki, SubjectPublicKeyInfo);
  } catch (cause) {
    throw new GmError('GM_BAD_KEY', 'not a DER SubjectPublicKeyInfo', { cause });
  }
  requireSm2Algorithm(parsed.algorithm);
  const point = new Uint8Array(parsed.subjectPublicKey);
  sm2PublicPoint(point);
  return point;
}

/** The private scalar as DER PKCS#8 (with the public key inside, as OpenSSL writes it). */
export function sm2Pkcs8FromPrivateKey(privateKey: Uint8Array): Uint8Array {
  const ecKey = new EcPrivateKey({
    privateKey: new OctetString(privateKey),
    publicKey: toArrayBuffer(sm2PublicKeyOf(privateKey)),
  });
  const info = new PrivateKeyInfo({ privateKeyAlgorithm: sm2Algorithm(), privateKey: new OctetString(AsnConvert.serialize(ecKey)) });
  return new Uint8Array(AsnConvert.serialize(info));
}

/** The 32-byte private scalar of an SM2 PKCS#8 key (as `openssl genpkey -algorithm SM2` writes it). */
export function sm2PrivateKeyFromPkcs8(pkcs8: Uint8Array): Uint8Array {
  let info: PrivateKeyInfo;
  let ecKey: EcPrivateKey;
  try {
    info = AsnParser.parse(pkcs8, PrivateKeyInfo);
    ecKey = AsnParser.parse(info.privateKey.buffer, EcPrivateKey);
  } catch (cause) {
    throw new GmError('GM_BAD_KEY', 'not a DER PKCS#8 EC private key', { cause });
  }
  requireSm2Algorithm(info.privateKeyAlgorithm);
  if (ecKey.parameters !== undefined && ecKey.parameters !== OID_SM2_CURVE) throw new GmError('GM_BAD_KEY', 'the key is on another curve');
  const raw = new Uint8Array(ecKey.privateKey.buffer);
  // RFC 5915 writes the scalar on exactly ceiling(log2(n)/8) bytes; pad defensively if a writer dropped a leading zero.
  const scalar = raw.length >= 32 ? raw.slice(raw.length - 32) : new Uint8Array([...new Uint8Array(32 - raw.length), ...raw]);
  sm2PublicKeyOf(scalar);
  return scalar;
}

function requireSm2Algorithm(algorithm: AlgorithmIdentifier): void {
  if (algorithm.algorithm !== OID_EC_PUBLIC_KEY) throw new GmError('GM_BAD_KEY', `algorithm ${algorithm.algorithm} is not id-ecPublicKey`);
  const parameters = algorithm.parameters ? new Uint8Array(algorithm.parameters) : new Uint8Array(0);
  if (Buffer.compare(parameters, SM2_CURVE_PARAMETER) !== 0) throw new GmError('GM_BAD_KEY', 'the key is not on the SM2 curve (sm2p256v1)');
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
