import { AsnConvert } from '@peculiar/asn1-schema';
import { ECDSASigValue, ECParameters, id_ecPublicKey, id_secp256r1 } from '@peculiar/asn1-ecc';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';

/** DER INTEGER contents of an unsigned big-endian number: no leading zeros, one 0x00 if the top bit is set. */
function unsignedInteger(bytes: Uint8Array): ArrayBuffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const out = new Uint8Array(trimmed.length + (trimmed[0]! & 0x80 ? 1 : 0));
  out.set(trimmed, out.length - trimmed.length);
  return out.buffer;
}

/** PKCS#11 CKM_ECDSA answers r‖s; X.509, CMS and PDF want the DER ECDSA-Sig-Value. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error(`ECDSA signature of odd length ${raw.length}`);
  const half = raw.length / 2;
  const value = new ECDSASigValue({ r: unsignedInteger(raw.subarray(0, half)), s: unsignedInteger(raw.subarray(half)) });
  return new Uint8Array(AsnConvert.serialize(value));
}

/** CKA_EC_PARAMS for P-256: the DER of the named curve's OID. */
export const P256_PARAMS = new Uint8Array(AsnConvert.serialize(new ECParameters({ namedCurve: id_secp256r1 })));

/** SubjectPublicKeyInfo of a P-256 point given as PKCS#11's CKA_EC_POINT (a DER OCTET STRING around 04‖X‖Y). */
export function p256PublicKeyInfo(ecPoint: Uint8Array): Uint8Array {
  // Some modules return the bare point, the standard says an OCTET STRING around it.
  const point = ecPoint[0] === 0x04 && ecPoint.length === 65 ? ecPoint : ecPoint.subarray(ecPoint.length - 65);
  if (point.length !== 65 || point[0] !== 0x04) throw new Error('the token returned an EC point that is not an uncompressed P-256 point');
  const spki = new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: id_ecPublicKey, parameters: P256_PARAMS.slice().buffer }),
    subjectPublicKey: point.slice().buffer,
  });
  return new Uint8Array(AsnConvert.serialize(spki));
}
