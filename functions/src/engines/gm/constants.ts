/**
 * Names of the 国密 algorithms, as the standards number them (GB/T 33560, GM/T 0006).
 * The distinguishing ID is always passed explicitly; this is only its default value.
 * The numbers themselves live in the platform's one OID table (engines/pki/oids.ts).
 */
import { OID } from '../pki/oids';

/** The default SM2 user distinguishing ID (GM/T 0009-2012 §10, GB/T 35276): the ASCII text "1234567812345678". */
export const DEFAULT_SM2_DISTINGUISHING_ID = '1234567812345678';

/** sm2p256v1, the SM2 curve (as the namedCurve of an id-ecPublicKey key). */
export const OID_SM2_CURVE = OID.sm2Curve;
/** SM2 signature with SM3 (SM2-with-SM3). */
export const OID_SM2_WITH_SM3 = OID.sm2WithSm3;
/** SM3 hash. */
export const OID_SM3 = OID.sm3;
/** id-ecPublicKey (RFC 5480): SM2 keys are EC keys on the SM2 curve. */
export const OID_EC_PUBLIC_KEY = OID.ecPublicKey;
