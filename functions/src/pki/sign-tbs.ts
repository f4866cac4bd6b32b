import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DigestSigner } from './digest-signer';
import { OID } from './oids';
import { sha256, toArrayBuffer } from './bytes';

/** ecdsa-with-SHA256 has no parameters (RFC 5758 §3.2): the field is absent, not NULL. */
export function ecdsaWithSha256(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
}

export function sha256Algorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
}

/** Signs DER-encoded "to be signed" bytes: SHA-256 here, ECDSA in the signer (KMS Sign, DIGEST). */
export async function signTbs(signer: DigestSigner, tbs: Uint8Array): Promise<Uint8Array> {
  return signer.signDigest(sha256(tbs));
}

/** X.509 Time: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). Whole seconds. */
export function x509Time(date: Date): pkijs.Time {
  const value = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

/** A non-negative DER INTEGER, minimal length, from unsigned big-endian bytes or a bigint. */
export function integerFrom(serial: Uint8Array | bigint): asn1js.Integer {
  const value = typeof serial === 'bigint' ? serial : BigInt(`0x${Buffer.from(serial).toString('hex') || '0'}`);
  if (value < 0n) throw new RangeError('serial numbers are positive');
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return new asn1js.Integer({ valueHex: toArrayBuffer(Buffer.from(hex, 'hex')) });
}
