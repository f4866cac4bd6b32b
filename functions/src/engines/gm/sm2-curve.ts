import { weierstrass, type WeierstrassPoint, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';

/**
 * The SM2 curve sm2p256v1 (GB/T 32918.5 / GM/T 0003.5), built on @noble/curves' audited
 * short-Weierstrass arithmetic. Only the curve comes from here; the SM2 signature formulas are
 * in sm2.ts (SM2 is not ECDSA: r = (e + x1) mod n, s = (1 + d)⁻¹(k − r·d) mod n).
 */
export const SM2_CURVE: { p: bigint; n: bigint; h: bigint; a: bigint; b: bigint; Gx: bigint; Gy: bigint } = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
};

export type Sm2Point = WeierstrassPoint<bigint>;

let builtSm2Points: WeierstrassPointCons<bigint> | undefined;
/**
 * The curve's point class, built on first use: building it (field arithmetic, checks of the
 * parameters) is about 2% of a signing function's cold start, and a request with a P-256 seal
 * never needs it (decision 0245).
 */
export function sm2Points(): WeierstrassPointCons<bigint> {
  return (builtSm2Points ??= weierstrass(SM2_CURVE));
}
