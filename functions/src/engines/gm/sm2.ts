import { DER } from '@noble/curves/abstract/weierstrass.js';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';
import { GmError } from './errors';
import { SM2_CURVE, sm2Points, type Sm2Point } from './sm2-curve';
import { sm3, SM3_BYTES } from './sm3';

/**
 * SM2 digital signatures (GB/T 32918.2) with SM3. Every entry point takes the distinguishing ID
 * explicitly: the same key and message give different signatures under different IDs, and the
 * ID is what OpenSSL's `-pkeyopt distid:…` / `-sigopt distid:…` sets.
 */

const { n } = SM2_CURVE;
const COORDINATE_BYTES = 32;
/** ENTL is a 16-bit count of ID bits. */
const MAX_ID_BYTES = 8191;

/** An SM2 public key: the uncompressed point 04‖x‖y (65 bytes) or a compressed one (33 bytes). */
export function sm2PublicPoint(publicKey: Uint8Array): Sm2Point {
  try {
    const point = sm2Points().fromBytes(publicKey);
    point.assertValidity();
    return point;
  } catch (cause) {
    throw new GmError('GM_BAD_KEY', 'not a point on the SM2 curve', { cause });
  }
}

/** The uncompressed public point 04‖x‖y of a private scalar (32 bytes, big-endian). */
export function sm2PublicKeyOf(privateKey: Uint8Array): Uint8Array {
  return sm2Points().BASE.multiply(privateScalar(privateKey)).toBytes(false);
}

/** Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A): binds the signer's identity and key into the hash. */
export function sm2Z(publicKey: Uint8Array, distinguishingId: string | Uint8Array): Uint8Array {
  const id = typeof distinguishingId === 'string' ? new TextEncoder().encode(distinguishingId) : distinguishingId;
  if (id.length > MAX_ID_BYTES) throw new GmError('GM_BAD_INPUT', `a distinguishing ID has at most ${MAX_ID_BYTES} bytes`);
  const bits = id.length * 8;
  const { x, y } = sm2PublicPoint(publicKey).toAffine();
  const field = (value: bigint) => numberToBytesBE(value, COORDINATE_BYTES);
  return sm3(
    new Uint8Array([bits >> 8, bits & 0xff]),
    id,
    field(SM2_CURVE.a),
    field(SM2_CURVE.b),
    field(SM2_CURVE.Gx),
    field(SM2_CURVE.Gy),
    field(x),
    field(y),
  );
}

/** e = SM3(Z_A ‖ M): what an SM2 signature actually signs, and what KMS `Sign` with MessageType DIGEST expects. */
export function sm2MessageDigest(publicKey: Uint8Array, message: Uint8Array, distinguishingId: string | Uint8Array): Uint8Array {
  return sm3(sm2Z(publicKey, distinguishingId), message);
}

/** Signs a precomputed e = SM3(Z_A ‖ M); returns the DER SEQUENCE { r, s } that OpenSSL and KMS use. */
export function signSm2Digest(privateKey: Uint8Array, digest: Uint8Array): Uint8Array {
  if (digest.length !== SM3_BYTES) throw new GmError('GM_BAD_INPUT', `an SM3 digest has ${SM3_BYTES} bytes, got ${digest.length}`);
  const { Fn, BASE } = sm2Points();
  const d = privateScalar(privateKey);
  const e = Fn.create(bytesToNumberBE(digest));
  const inverseOfOnePlusD = Fn.inv(d + 1n);
  for (;;) {
    const k = randomScalar();
    const x1 = BASE.multiply(k).toAffine().x;
    const r = Fn.create(e + x1);
    if (r === 0n || r + k === n) continue;
    const s = Fn.mul(inverseOfOnePlusD, Fn.sub(k, Fn.mul(r, d)));
    if (s === 0n) continue;
    return hexToBytes(DER.hexFromSig({ r, s }));
  }
}

/** Verifies a DER signature over e = SM3(Z_A ‖ M). False for a wrong signature; throws only for a bad key. */
export function verifySm2Digest(publicKey: Uint8Array, digest: Uint8Array, signature: Uint8Array): boolean {
  if (digest.length !== SM3_BYTES) throw new GmError('GM_BAD_INPUT', `an SM3 digest has ${SM3_BYTES} bytes, got ${digest.length}`);
  const point = sm2PublicPoint(publicKey);
  const parsed = parseSignature(signature);
  if (!parsed) return false;
  const { r, s } = parsed;
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  const { Fn, BASE, ZERO } = sm2Points();
  const t = Fn.add(r, s);
  if (t === 0n) return false;
  // Public scalars only: the faster, non-constant-time double multiplication is safe here.
  const sum = BASE.mulAddUnsafe(s, point, t);
  if (sum.equals(ZERO)) return false;
  return Fn.create(bytesToNumberBE(digest) + sum.toAffine().x) === r;
}

/** SM2 signature over a message: computes Z_A with the given distinguishing ID, then e, then signs. */
export function signSm2(privateKey: Uint8Array, message: Uint8Array, distinguishingId: string | Uint8Array): Uint8Array {
  return signSm2Digest(privateKey, sm2MessageDigest(sm2PublicKeyOf(privateKey), message, distinguishingId));
}

/** Verifies an SM2 signature over a message with the given distinguishing ID. */
export function verifySm2(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, distinguishingId: string | Uint8Array): boolean {
  return verifySm2Digest(publicKey, sm2MessageDigest(publicKey, message, distinguishingId), signature);
}

/** A fresh private scalar d in [1, n − 2] (d = n − 1 has no (1 + d)⁻¹). */
export function generateSm2PrivateKey(): Uint8Array {
  for (;;) {
    const d = randomScalar();
    if (d < n - 1n) return numberToBytesBE(d, COORDINATE_BYTES);
  }
}

/**
 * A private scalar in [1, n − 2] derived from secret bytes (a KMS HMAC of a fixed label, decision
 * 0076): at least 40 bytes, so the reduction modulo n is as uniform as FIPS 186-5 A.2.1 asks.
 * The same seed always gives the same key.
 */
export function sm2PrivateKeyFromSeed(seed: Uint8Array): Uint8Array {
  if (seed.length < COORDINATE_BYTES + 8) throw new GmError('GM_BAD_INPUT', `a seed has at least ${COORDINATE_BYTES + 8} bytes`);
  return numberToBytesBE((bytesToNumberBE(seed) % (n - 2n)) + 1n, COORDINATE_BYTES);
}

function privateScalar(privateKey: Uint8Array): bigint {
  if (privateKey.length !== COORDINATE_BYTES) throw new GmError('GM_BAD_KEY', `an SM2 private key has ${COORDINATE_BYTES} bytes`);
  const d = bytesToNumberBE(privateKey);
  if (d < 1n || d >= n - 1n) throw new GmError('GM_BAD_KEY', 'private scalar out of range');
  return d;
}

/** Uniform in [1, n − 1]: 64 extra random bits make the modulo bias negligible (FIPS 186-5 A.2.1). */
function randomScalar(): bigint {
  const bytes = crypto.getRandomValues(new Uint8Array(COORDINATE_BYTES + 8));
  return (bytesToNumberBE(bytes) % (n - 1n)) + 1n;
}

function parseSignature(signature: Uint8Array): { r: bigint; s: bigint } | undefined {
  try {
    return DER.toSig(signature);
  } catch {
    return undefined;
  }
}

function hexToBytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
